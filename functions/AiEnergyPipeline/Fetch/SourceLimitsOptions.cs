namespace AiEnergyPipeline.Fetch;

/// <summary>
/// How much of a source file a parser accepts (section <c>Sources:Limits</c>). A hostile or
/// broken file (a zip bomb, a never-ending line) must fail its source in bounded time and memory
/// instead of taking the host down; the defaults sit well above what the real files need.
/// </summary>
public sealed class SourceLimitsOptions
{
    public const string Section = "Sources:Limits";

    /// <summary>The expanded size of one part (zip entry) of an .xlsx workbook; real sheets are tens of MB.</summary>
    public long MaxPartBytes { get; set; } = 512L << 20;

    /// <summary>Expanded size over compressed size of one part; real sheets compress 5-20 times, zip bombs thousands.</summary>
    public double MaxCompressionRatio { get; set; } = 100;

    /// <summary>The characters of one worksheet cell: Excel's own limit is 32,767.</summary>
    public int MaxCellChars { get; set; } = 32_767;

    /// <summary>The characters of one entry of a workbook's shared strings table: Excel's own limit is 32,767.</summary>
    public int MaxSharedStringChars { get; set; } = 32_767;

    /// <summary>The rows of one sheet: Excel's own limit.</summary>
    public int MaxSheetRows { get; set; } = 1_048_576;

    /// <summary>The columns of one sheet; the real sheets have fewer than 100.</summary>
    public int MaxSheetColumns { get; set; } = 1_000;

    /// <summary>The bytes of one CSV record (a line, or more where a quoted field spans lines).</summary>
    public int MaxCsvRecordBytes { get; set; } = 1 << 20;

    /// <summary>The rows of one partition's file that may go to quarantine before the file is taken as malformed; real files have a few hundred.</summary>
    public int MaxQuarantinedRowsPerFile { get; set; } = 10_000;

    /// <summary>The setting's name in messages, so that a failure says what to raise.</summary>
    public static string Setting(string property) => $"{Section}:{property}";
}
