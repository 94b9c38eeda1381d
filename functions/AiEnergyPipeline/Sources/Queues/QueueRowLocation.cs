namespace AiEnergyPipeline.Sources.Queues;

/// <summary>Where a row was read: a line of a CSV file, or a row of a workbook sheet.</summary>
public sealed record QueueRowLocation(long Line, string? Sheet = null)
{
    /// <summary>What a quarantine reason starts with: the sheet and row for a workbook (the line column holds the row), nothing for a CSV.</summary>
    public string ReasonPrefix => Sheet is null ? "" : $"sheet '{Sheet}' row {Line}: ";

    public override string ToString() => Sheet is null ? $"line {Line}" : $"sheet '{Sheet}' row {Line}";
}
