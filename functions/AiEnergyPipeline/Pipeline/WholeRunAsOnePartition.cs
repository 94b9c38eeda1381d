using System.Globalization;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// TEMPORARY: today's <see cref="IngestPipeline"/> as an <see cref="IPartitionedIngest"/> with one
/// partition, the whole run, so that the fan-out (queue, coordinator, CLI) runs end to end before
/// IngestPipeline implements the interface itself. Replace its registration (Hosting/FanOutRegistration.cs)
/// with IngestPipeline and delete this file when it does.
/// The partition runs the whole pipeline and keeps its outcome in the store (the completion may run
/// on another instance); completion returns that outcome.
/// </summary>
public sealed class WholeRunAsOnePartition(IngestPipeline pipeline, IDatasetStore store, TimeProvider time) : IPartitionedIngest
{
    public static readonly PartitionKey WholeRun = new("all", "whole_run");

    public static string OutcomePath(string planId) => $"{FanOutWorkState.PlanFolder(planId)}/whole_run.json";

    public Task<IngestPlan> PlanAsync(string trigger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var planId = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        return Task.FromResult(new IngestPlan(planId, trigger, now, [WholeRun]));
    }

    public async Task<PartitionOutcome> ProcessPartitionAsync(IngestPlan plan, PartitionKey partition, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.RunAsync(plan.Trigger, cancellationToken);
        using var content = new MemoryStream(PublishedJson.Serialize(outcome));
        await store.WriteAsync(OutcomePath(plan.PlanId), content, WriteCondition.None, new StoreWriteOptions(ContentTypes.Json), cancellationToken);
        // A failed run is reported by its own report.json; the completion hands that outcome on.
        return new PartitionOutcome(partition, PartitionStatus.Normalised, outcome.Report.Tables.Sum(t => t.Rows), null);
    }

    public async Task<RunOutcome> CompleteAsync(IngestPlan plan, CancellationToken cancellationToken)
    {
        await using var stored = await store.OpenReadAsync(OutcomePath(plan.PlanId), cancellationToken)
            ?? throw new InvalidOperationException($"Plan {plan.PlanId}: the whole run's outcome is not in the store ({OutcomePath(plan.PlanId)}).");
        return await PublishedJson.DeserializeAsync<RunOutcome>(stored.Content, cancellationToken)
            ?? throw new InvalidOperationException($"Plan {plan.PlanId}: the whole run's outcome could not be read.");
    }
}
