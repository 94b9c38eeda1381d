using CsvHelper;
using System.Globalization;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// Reads a published queue_projects CSV as queue_changes compares it. A run of an older version has
/// no project_key column (its queue id is the key, as it was then) and no complete column (its
/// queues were read whole: a file that failed failed the run then).
/// </summary>
public static class QueueSnapshotCsv
{
    public static List<QueueSnapshotRow> Read(Stream content) => [.. ReadRows(content)];

    /// <summary>The rows one by one, as they are read: a caller that spills them holds none.</summary>
    public static IEnumerable<QueueSnapshotRow> ReadRows(Stream content)
    {
        using var csv = CsvReader.Create(content, CsvReaderOptions.Default with { Separator = ',', AllowLineBreaksInQuotes = true }, leaveOpen: true);
        var columns = csv.Headers.Select((h, i) => (h, i)).ToDictionary(p => p.h.Trim(), p => p.i, StringComparer.Ordinal);
        string Field(string name) => columns.TryGetValue(name, out var i) && i < csv.FieldCount ? csv.GetString(i).Trim() : "";
        while (csv.Read())
        {
            var id = Field("queue_id");
            var key = Field("project_key");
            yield return new QueueSnapshotRow(
                Field("region"),
                key.Length > 0 ? key : id,
                id,
                Field("status"),
                double.TryParse(Field("capacity_mw"), NumberStyles.Float, CultureInfo.InvariantCulture, out var mw) ? mw : null,
                DateOnly.TryParseExact(Field("proposed_completion_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
                !Field("complete").Equals("false", StringComparison.OrdinalIgnoreCase));
        }
    }
}
