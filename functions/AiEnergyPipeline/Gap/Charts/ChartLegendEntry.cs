namespace AiEnergyPipeline.Gap.Charts;

/// <summary>One entry of a chart's legend: a line (optionally dashed) or, for bars and bands, a box.</summary>
public sealed record ChartLegendEntry(string Label, string Colour, bool Box = false, string? Dash = null);
