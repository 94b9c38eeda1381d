namespace AiEnergyPipeline.Publish;

/// <param name="Part">For a table published in parts (ba_hourly), the part this file holds; its rows are the part's.</param>
public sealed record LatestTable(string Name, string Path, string Format, long Rows, string? Part = null);
