using AiEnergyPipeline.Hosting;
using AiEnergyPipeline.Pipeline.FanOut;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Functions;

/// <summary>
/// One message of a fanned-out ingest run (queue INGEST_QUEUE_NAME, connection IngestQueue): a
/// partition, or the run's completion. Many instances take messages at once; the coordinator keeps
/// every step safe to run twice. An exception leaves the message to come back after its visibility
/// timeout; after host.json's maxDequeueCount deliveries it goes to the poison queue, but its last
/// delivery records the failure first, so that the run ends with a report. A run that failed does
/// not fail the invocation (that would only deliver the completion again): it is logged as an error.
/// </summary>
public sealed partial class IngestPartitionFunction(FanOutCoordinator coordinator, IOptions<IngestOptions> options, ILogger<IngestPartitionFunction> logger)
{
    public const string Connection = IngestQueueOptions.Section;

    [Function("IngestPartition")]
    public async Task RunAsync(
        [QueueTrigger("%" + IngestQueueOptions.QueueNameSetting + "%", Connection = Connection)] QueueMessage message,
        CancellationToken cancellationToken)
    {
        var ingestMessage = IngestMessage.Parse(message.Body?.ToString() ?? message.MessageText ?? "");
        var outcome = await coordinator.HandleAsync(ingestMessage, FanOutRegistration.DeliveryOf(message.MessageId, message.DequeueCount, options), cancellationToken);
        if (outcome is { Succeeded: false })
        {
            LogFailed(ingestMessage.PlanId, outcome.Message);
        }
        else if (outcome is not null)
        {
            LogCompleted(ingestMessage.PlanId, outcome.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "plan {PlanId}: {Message}")]
    private partial void LogCompleted(string planId, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "plan {PlanId}: {Message}")]
    private partial void LogFailed(string planId, string message);
}
