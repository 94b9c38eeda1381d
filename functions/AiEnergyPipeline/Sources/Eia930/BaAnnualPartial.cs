namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// One balancing authority's demand sums in one year, from part of the hours: peaks take the
/// maximum, energy and hours add. Peak, energy and hours are of the hours that passed the screen;
/// <see cref="FlaggedHours"/> counts the others.
/// </summary>
public sealed record BaAnnualPartial(string BalancingAuthorityCode, int Year, double PeakDemandMw, double EnergyMwh, long Hours, long FlaggedHours = 0);
