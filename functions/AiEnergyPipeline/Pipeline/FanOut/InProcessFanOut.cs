using AiEnergyPipeline.Pipeline.Sweep;
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
        // Litter of earlier runs (a killed run's work folder, half run, temp files) goes first.
        await services.GetRequiredService<Sweep.StoreSweeper>().SweepAtRunStartAsync(trigger, cancellationToken);
        var queue = new InProcessIngestQueue();
        var coordinator = ActivatorUtilities.CreateInstance<FanOutCoordinator>(services, queue);
        var start = await coordinator.StartAsync(trigger, occurrence: null, cancellationToken);
        RunOutcome? outcome = null;
        while (queue.TryDequeue(out var message))
        {
            outcome = await coordinator.HandleAsync(message, Delivery.Once, cancellationToken) ?? outcome;
        }

        return outcome ?? throw new InvalidOperationException($"Plan {start.PlanId} ended without completing: every partition ran but no completion was enqueued.");
    }
}
