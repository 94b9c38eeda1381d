using AiEnergyPipeline.Pipeline.Sweep;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>
/// A fanned-out run inside one process (the CLI; the Functions app with fan-out off): the same
/// coordinator, plan, partitions and completion as on Azure, with an in-memory queue drained here.
/// </summary>
public sealed class InProcessFanOut(IServiceProvider services)
{
    public async Task<RunOutcome> RunAsync(string trigger, CancellationToken cancellationToken)
    {
        // One span for the whole run here: the plan, every partition and the completion under it.
        using var span = PipelineTelemetry.Start(PipelineTelemetry.IngestRunSpan);
        span?.SetTag(PipelineTelemetry.TriggerTag, trigger);
        span?.SetTag("aienergy.fan_out", "in_process");
        // Litter of earlier runs (a killed run's work folder, half run, temp files) goes first.
        await services.GetRequiredService<Sweep.StoreSweeper>().SweepAtRunStartAsync(trigger, cancellationToken);
        var queue = new InProcessIngestQueue();
        var coordinator = ActivatorUtilities.CreateInstance<FanOutCoordinator>(services, queue);
        var start = await coordinator.StartAsync(trigger, occurrence: null, cancellationToken);
        RunOutcome? outcome = null;
        while (queue.TryDequeue(out var message))
        {
            if (message.Kind == IngestMessageKind.Complete)
            {
                // The partitions' buffers are garbage now, but the collector keeps their memory
                // committed; completion would add its own on top of it. Given back here, the
                // process peaks at one phase's memory, not both (measured: an `aienergy run` with
                // a 5,000,000-row partition peaked at 159-163 MB without this, 136-137 MB with
                // it; docs/performance-e2e.md). One blocking collection per run, in this process only.
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }

            outcome = await coordinator.HandleAsync(message, Delivery.Once, cancellationToken) ?? outcome;
        }

        if (outcome is null)
        {
            PipelineTelemetry.Fail(span, "not_completed", null);
            throw new InvalidOperationException($"Plan {start.PlanId} ended without completing: every partition ran but no completion was enqueued.");
        }

        span?.SetTag(PipelineTelemetry.RunIdTag, outcome.RunId);
        span?.SetTag(PipelineTelemetry.OutcomeTag, FanOutCoordinator.Outcome(outcome.Status));
        if (!outcome.Succeeded)
        {
            PipelineTelemetry.Fail(span, "run_failed", outcome.Message);
        }

        return outcome;
    }
}
