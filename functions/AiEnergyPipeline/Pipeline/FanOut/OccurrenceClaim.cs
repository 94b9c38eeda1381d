namespace AiEnergyPipeline.Pipeline.FanOut;

public sealed record OccurrenceClaim(string Occurrence, string PlanId, DateTimeOffset ClaimedAtUtc);
