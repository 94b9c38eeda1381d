using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources;

/// <summary>The quarantine table, shared by every normaliser of a run.</summary>
public sealed class QuarantineTable(TableWriter writer)
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
        writer.EndRow();
        _bySource[record.Source] = CountOf(record.Source) + 1;
    }
}
