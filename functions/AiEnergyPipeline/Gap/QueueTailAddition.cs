namespace AiEnergyPipeline.Gap;

/// <summary>Accredited, completion-rate-weighted capacity the queue supply tail adds in a year and EIA-930 region.</summary>
public sealed record QueueTailAddition(int Year, string Region, double Gw);
