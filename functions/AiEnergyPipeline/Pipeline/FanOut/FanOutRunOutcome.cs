using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>work/{planId}/outcome.json: how a fanned-out run ended.</summary>
public sealed record FanOutRunOutcome(string PlanId, RunStatus Status, string RunId, string? LatestRunId, string Message, DateTimeOffset CompletedAtUtc);
