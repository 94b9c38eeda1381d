using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources;

/// <summary>The quarantine table, shared by every normaliser of a run.</summary>
/// <param name="originOf">The <see cref="OriginColumn"/> of a row: that of the file it was read from.</param>
public sealed class QuarantineTable(TableWriter writer, Func<QuarantineRecord, string> originOf)
{
    private readonly Dictionary<string, long> _bySource = [];

    public long Rows => writer.Rows;

    public long CountOf(string source) => _bySource.GetValueOrDefault(source);

    public void Add(QuarantineRecord record)
    {
        writer.Csv.WriteField(record.Source);
        writer.Csv.WriteField(record.File);
        writer.Csv.WriteField(record.RawPath);
        writer.Csv.WriteField(record.Line);
        writer.Csv.WriteField(record.Reason);
        writer.Csv.WriteField(record.Excerpt);
        writer.EndRow(originOf(record));
        _bySource[record.Source] = CountOf(record.Source) + 1;
    }
}
