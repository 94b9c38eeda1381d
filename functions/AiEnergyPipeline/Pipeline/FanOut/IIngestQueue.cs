namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>Where the work of a fanned-out run is handed on: an Azure Storage queue on Azure, a list in memory in the CLI.</summary>
public interface IIngestQueue
{
    Task EnqueueAsync(IngestMessage message, CancellationToken cancellationToken);
}
