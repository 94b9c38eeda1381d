using Azure.Storage.Queues;

namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>
/// The ingest queue on Azure Storage. Messages are base64-encoded, as the Functions queue trigger
/// expects by default; the queue is created on first use if it is missing.
/// </summary>
public sealed class AzureStorageIngestQueue(QueueClient queue) : IIngestQueue
{
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private volatile bool _created;

    public QueueClient Client => queue;

    public async Task EnqueueAsync(IngestMessage message, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        await queue.SendMessageAsync(message.ToJson(), cancellationToken);
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _createLock.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                _created = true;
            }
        }
        finally
        {
            _createLock.Release();
        }
    }
}
