namespace AiEnergyPipeline.Gap;

/// <summary>A scenario's headline: the 2028 gap (when within the years), the horizon gap and a sentence.</summary>
public sealed record ScenarioHeadline(string ScenarioId, string Source, double? GapGw2028, int HorizonYear, double GapGwHorizon, string Headline);
