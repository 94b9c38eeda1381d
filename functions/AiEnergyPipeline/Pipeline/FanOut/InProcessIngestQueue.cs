using System.Collections.Concurrent;

namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>The queue of one in-process run (the CLI, or the Functions app with fan-out off): messages in memory, taken in order.</summary>
public sealed class InProcessIngestQueue : IIngestQueue
{
    private readonly ConcurrentQueue<IngestMessage> _messages = new();

    public Task EnqueueAsync(IngestMessage message, CancellationToken cancellationToken)
    {
        _messages.Enqueue(message);
        return Task.CompletedTask;
    }

    public bool TryDequeue(out IngestMessage message)
    {
        var taken = _messages.TryDequeue(out var next);
        message = next!;
        return taken;
    }
}
