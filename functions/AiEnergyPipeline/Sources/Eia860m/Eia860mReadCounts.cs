namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>Rows an EIA-860M workbook held below its headers: generators (read or quarantined) and note rows.</summary>
public sealed class Eia860mReadCounts
{
    /// <summary>Rows that describe a generator, whether they were read or quarantined.</summary>
    public long DataRows { get; set; }

    /// <summary>Footnote rows below the data ("NOTE: ...", sources, blanks in the key cells), skipped.</summary>
    public long NoteRows { get; set; }
}
