using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using System.Collections.Concurrent;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// Holds the first two conditional writes of latest.json (one from each of two racing runs)
/// until both have arrived, so that both runs reach the swing with the same ETag in hand, then
/// lets them through one after the other in a chosen order: the store decides the winner.
/// </summary>
internal sealed class SwingGate(bool newerFirst)
{
    private readonly Lock _lock = new();
    private readonly List<(string RunId, TaskCompletionSource Turn)> _arrived = [];
    private readonly TaskCompletionSource _firstDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every write of latest.json: the run it pointed at and whether the store took it.</summary>
    public ConcurrentQueue<(string RunId, bool Written)> Swings { get; } = new();

    public async Task<string> PassAsync(string runId, Func<Task<string>> write)
    {
        TaskCompletionSource? turn = null;
        lock (_lock)
        {
            if (_arrived.Count < 2)
            {
                turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _arrived.Add((runId, turn));
                if (_arrived.Count == 2)
                {
                    var ordered = _arrived.OrderBy(a => a.RunId, StringComparer.Ordinal).ToList();
                    if (newerFirst)
                    {
                        ordered.Reverse();
                    }

                    var (_, first) = ordered[0];
                    var (_, second) = ordered[1];
                    first.SetResult();
                    _ = _firstDone.Task.ContinueWith(_ => second.SetResult(), TaskScheduler.Default);
                }
            }
        }

        if (turn is not null)
        {
            await turn.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }

        try
        {
            var etag = await write();
            Swings.Enqueue((runId, true));
            return etag;
        }
        catch (StoreConditionFailedException)
        {
            Swings.Enqueue((runId, false));
            throw;
        }
        finally
        {
            if (turn is not null)
            {
                _firstDone.TrySetResult();
            }
        }
    }
}

/// <summary>A store that sends every write of latest.json through a <see cref="SwingGate"/>.</summary>
internal sealed class GatedStore(IDatasetStore inner, SwingGate gate) : IDatasetStore
{
    public string Description => inner.Description;

    public async Task<string> WriteAsync(string path, Stream content, WriteCondition condition, StoreWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (path != RunPublisher.LatestPath)
        {
            return await inner.WriteAsync(path, content, condition, options, cancellationToken);
        }

        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        var runId = JsonDocument.Parse(copy.ToArray()).RootElement.GetProperty("run_id").GetString()!;
        return await gate.PassAsync(runId, () =>
        {
            copy.Position = 0;
            return inner.WriteAsync(path, copy, condition, options, cancellationToken);
        });
    }

    public Task<StoredObject?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);

    public Task<StoredObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);

    public IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task<string> CopyAsync(string from, string to, CancellationToken cancellationToken = default) => inner.CopyAsync(from, to, cancellationToken);
}
