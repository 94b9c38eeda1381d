namespace AiEnergyPipeline.Gap.Charts;

/// <summary>One entry of a chart's legend: a line (optionally dashed) or, for bars and bands, a box; or, for a mark drawn with <see cref="Svg.Diamond"/>, a white diamond outlined in the colour.</summary>
public sealed record ChartLegendEntry(string Label, string Colour, bool Box = false, string? Dash = null, bool Diamond = false);
