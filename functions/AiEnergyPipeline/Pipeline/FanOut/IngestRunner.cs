using AiEnergyPipeline.Pipeline.Sweep;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>
/// What the timer and POST /api/ingest do, by the setting Ingest__FanOut: run every partition
/// here (InProcess) or only start the run and leave its partitions to the queue (Queue).
/// </summary>
public sealed class IngestRunner(IServiceProvider services, IOptions<IngestOptions> options, IngestSchedule schedule, TimeProvider time)
{
    public bool UsesQueue => options.Value.FanOut == FanOutMode.Queue;

    public Task<RunOutcome> RunInProcessAsync(string trigger, CancellationToken cancellationToken) =>
        new InProcessFanOut(services).RunAsync(trigger, cancellationToken);

    /// <param name="scheduled">Whether a timer asked: then a second firing for the same occurrence starts nothing.</param>
    public async Task<FanOutStart> StartOnQueueAsync(string trigger, bool scheduled, CancellationToken cancellationToken)
    {
        // The run span covers the start only (sweep, plan, enqueue); the partitions and the
        // completion, on any instance, start their spans under it from the context in their messages.
        using var span = PipelineTelemetry.Start(PipelineTelemetry.IngestRunSpan, System.Diagnostics.ActivityKind.Producer);
        span?.SetTag(PipelineTelemetry.TriggerTag, trigger);
        span?.SetTag("aienergy.fan_out", "queue");
        await services.GetRequiredService<Sweep.StoreSweeper>().SweepAtRunStartAsync(trigger, cancellationToken);
        return await services.GetRequiredService<FanOutCoordinator>().StartAsync(trigger, scheduled ? schedule.OccurrenceKey(time.GetUtcNow()) : null, cancellationToken);
    }
}
