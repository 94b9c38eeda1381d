namespace AiEnergyPipeline.Gap;

/// <summary>One queue project the queue supply tail adds: its year, EIA-930 region and class, and its capacity at each step.</summary>
/// <param name="NameplateMw">The queue's capacity of the project.</param>
/// <param name="AccreditedMw"><paramref name="NameplateMw"/> x its class's accreditation factor.</param>
/// <param name="Gw">The accredited capacity x its queue's completion rate, in GW: what the gap counts.</param>
public sealed record QueueTailAddition(int Year, string Region, double Gw, string AccreditationClass = "", double NameplateMw = 0, double AccreditedMw = 0);
