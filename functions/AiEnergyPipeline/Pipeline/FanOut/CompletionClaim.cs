namespace AiEnergyPipeline.Pipeline.FanOut;

public sealed record CompletionClaim(string PlanId, string Claimant, DateTimeOffset ClaimedAtUtc);
