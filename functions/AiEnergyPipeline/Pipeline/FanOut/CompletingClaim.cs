namespace AiEnergyPipeline.Pipeline.FanOut;

public sealed record CompletingClaim(string PlanId, string? MessageId, DateTimeOffset ClaimedAtUtc);
