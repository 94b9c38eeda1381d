using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Publish;

/// <param name="Parts">How many parts the table is published in, or null for one file.</param>
public sealed record TableReport(string Name, string Format, long Rows, long Bytes, int? Parts = null)
{
    /// <summary>One row per table and format: the parts of a table are summed.</summary>
    public static IReadOnlyList<TableReport> Of(IEnumerable<StagedTable> tables) =>
        tables.GroupBy(t => (t.Schema.Name, t.Format))
            .Select(g => new TableReport(g.Key.Name, g.Key.Format, g.Sum(t => t.Rows), g.Sum(t => t.Bytes), g.Any(t => t.Part is not null) ? g.Count() : null))
            .ToList();
}
