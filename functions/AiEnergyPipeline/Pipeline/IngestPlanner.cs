using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// The first step of an ingest: reads each partitioned source's list (conditionally) and decides
/// the partitions (one per EIA-930 BALANCE file and per EIA-860M vintage). Persists nothing.
/// </summary>
public sealed partial class IngestPlanner(
    IEnumerable<ISource> sources,
    IDatasetStore store,
    SecretRedactor redactor,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    ILogger<IngestPlanner> logger)
{
    /// <summary>
    /// The plan. A list that cannot be fetched or read gives a plan without partitions that carries
    /// the failure, so that its completion reports it as any failed source is reported.
    /// </summary>
    public async Task<IngestPlan> PlanAsync(string trigger, CancellationToken cancellationToken)
    {
        var createdAt = time.GetUtcNow();
        var planId = RunId.Create(createdAt, Guid.NewGuid().ToString("N"));
        using var work = WorkFolder.Create(options.Value);
        try
        {
            var archive = new RawArchive(store, work.Raw);
            var partitions = new List<PartitionKey>();
            foreach (var source in sources.OfType<IPartitionedSource>())
            {
                partitions.AddRange((await source.PlanAsync(archive, cancellationToken)).Select(name => new PartitionKey(source.Name, name)));
            }

            LogPlanned(planId, partitions.Count, string.Join(", ", partitions.Select(p => p.Name)));
            return new IngestPlan(planId, trigger, createdAt, partitions);
        }
        catch (SourceException e)
        {
            var error = redactor.Redact(e.Message);
            LogSourceFailed(error);
            return new IngestPlan(planId, trigger, createdAt, [], new PlanFailure(e.SourceName, error));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "plan {PlanId}: {Count} partitions ({Names})")]
    private partial void LogPlanned(string planId, int count, string names);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Error}")]
    private partial void LogSourceFailed(string error);
}
