using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Sources.Eia930;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.FanOut;

/// <summary>What the test ingests of every "instance" share: which partitions fail, and every call made.</summary>
internal sealed class TestIngestScript(int partitions, params string[] failing)
{
    public int Partitions { get; } = partitions;
    public HashSet<string> Failing { get; } = [.. failing];

    /// <summary>Partitions whose processing throws (as a storage outage would) rather than reporting a failure.</summary>
    public HashSet<string> Throwing { get; } = [];

    public ConcurrentQueue<string> Processed { get; } = new();
    public ConcurrentQueue<string> Completed { get; } = new();
}

/// <summary>
/// A small partitioned ingest that keeps its state in the store as the real one must: each partition
/// writes a part file, completion reads every part and publishes a run (a report and latest.json).
/// </summary>
internal sealed class TestPartitionedIngest(TestIngestScript script, IDatasetStore store, RunPublisher publisher, TimeProvider time) : IPartitionedIngest
{
    public const string Source = "test";

    public static string PartPath(string planId, string name) => $"test-parts/{planId}/{name}.txt";

    public Task<IngestPlan> PlanAsync(string trigger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var planId = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        var partitions = Enumerable.Range(0, script.Partitions).Select(i => new PartitionKey(Source, $"p{i}")).ToList();
        return Task.FromResult(new IngestPlan(planId, trigger, now, partitions));
    }

    public async Task<PartitionOutcome> ProcessPartitionAsync(IngestPlan plan, PartitionKey partition, CancellationToken cancellationToken)
    {
        script.Processed.Enqueue($"{plan.PlanId}/{partition.Name}");
        if (script.Throwing.Contains(partition.Name))
        {
            throw new IOException($"the store is unreachable while writing {partition.Name}");
        }

        if (script.Failing.Contains(partition.Name))
        {
            return new PartitionOutcome(partition, PartitionStatus.Failed, 0, $"{partition.Name}.csv: the source answered 503 Service Unavailable");
        }

        using var content = new MemoryStream(Encoding.UTF8.GetBytes($"rows of {partition.Name}\n"));
        await store.WriteAsync(PartPath(plan.PlanId, partition.Name), content, WriteCondition.None, null, cancellationToken);
        return new PartitionOutcome(partition, PartitionStatus.Normalised, 1, null);
    }

    public async Task<RunOutcome> CompleteAsync(IngestPlan plan, CancellationToken cancellationToken)
    {
        script.Completed.Enqueue(plan.PlanId);
        var parts = new List<string>();
        await foreach (var part in store.ListAsync($"test-parts/{plan.PlanId}/", cancellationToken))
        {
            parts.Add(part.Path);
        }

        var now = time.GetUtcNow();
        var inputs = Hashing.Sha256OfText(plan.PlanId);
        var runId = RunId.Create(plan.CreatedAtUtc, inputs);
        var message = $"Published run {runId} from {parts.Count} parts.";
        var report = new RunReport(runId, RunStatus.Published, plan.Trigger, plan.CreatedAtUtc, now, 0, message, [], [], 0);
        var (_, etag) = await publisher.ReadLatestAsync(cancellationToken);
        var package = DataPackageBuilder.Build(runId, now, inputs, IngestPipeline.ModelVersion, [], [], new Dictionary<string, AiEnergyPipeline.Fetch.SourceCitation>());
        var isLatest = await publisher.PublishAsync(package, [], report, etag, cancellationToken);
        var (latest, _) = await publisher.ReadLatestAsync(cancellationToken);
        return new RunOutcome(RunStatus.Published, runId, isLatest ? runId : latest?.RunId, store.Description, message, report);
    }
}
