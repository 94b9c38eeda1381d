namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>How starting a fanned-out run went: the plan that runs, and whether an earlier start of the same occurrence already owned it.</summary>
public sealed record FanOutStart(string PlanId, int Partitions, bool AlreadyStarted, string Message);
