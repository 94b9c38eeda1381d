using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Options;
using System.Globalization;

namespace AiEnergyPipeline.Datasets;

/// <summary>
/// Whether the published data can be trusted now: the latest run is whole and fresh, and no source
/// has failed more ingests in a row than allowed. Two bounded reads (latest.json, checked as the
/// readers check it, and <see cref="SourceHistory"/>), whatever the number of runs kept.
/// </summary>
public sealed class DataHealth(PublishedDatasets datasets, IDatasetStore store, IOptions<HealthOptions> options, TimeProvider time)
{
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var (latest, _, latestProblem) = await datasets.LatestAsync(cancellationToken);
        var (history, _, historyProblem) = await SourceHistory.ReadAsync(store, cancellationToken);
        var reasons = new List<HealthReason>();
        if (latestProblem is not null)
        {
            reasons.Add(new(HealthReason.LatestDamaged, PublishedDatasets.Unavailable(latestProblem)));
        }
        else if (latest is null)
        {
            reasons.Add(new(HealthReason.NothingPublished, "Nothing has been published yet."));
        }

        // An ingest that found the latest run's inputs unchanged shows the data is still current at the sources.
        var freshAsOf = latest is null ? (DateTimeOffset?)null
            : history.ConfirmedRunId == latest.RunId && history.ConfirmedAt > latest.PublishedAt ? history.ConfirmedAt : latest.PublishedAt;
        var dataAge = now - freshAsOf;
        if (latest is not null && dataAge > settings.MaxDataAge)
        {
            reasons.Add(new(HealthReason.StaleData,
                $"The data is {Hours(dataAge.Value)} old, more than Health__MaxDataAge ({Hours(settings.MaxDataAge)}): the latest run {latest.RunId} was published at {Stamp(latest.PublishedAt)}"
                + (freshAsOf > latest.PublishedAt ? $" and last found current at {Stamp(freshAsOf.Value)}" : "")
                + (history.LastIngestStatus == RunStatus.Failed ? $"; the last ingest, {history.LastIngestRunId}, failed." : "; no ingest has published or confirmed it since.")));
        }

        var sources = new List<SourceHealth>();
        foreach (var entry in history.Sources)
        {
            var failing = entry.ConsecutiveFailures > settings.MaxConsecutiveFailures;
            if (failing)
            {
                reasons.Add(new(HealthReason.SourceFailing,
                    $"{entry.Name} has failed {entry.ConsecutiveFailures} ingest runs in a row, more than Health__MaxConsecutiveFailures ({settings.MaxConsecutiveFailures}); "
                    + $"the last in run {entry.LastFailureRunId}: {entry.LastError}",
                    entry.Name));
            }

            sources.Add(new(entry.Name, failing ? "failing" : "ok", entry.ConsecutiveFailures, entry.LastSuccessAt, entry.LastSuccessRunId, entry.LastFailureAt, entry.LastFailureRunId, entry.LastError));
        }

        return new HealthReport(
            reasons.Count == 0 ? HealthReport.Ok : HealthReport.Degraded,
            now,
            latest?.RunId,
            latest?.PublishedAt,
            now - latest?.PublishedAt,
            freshAsOf,
            dataAge,
            settings.MaxDataAge,
            settings.MaxConsecutiveFailures,
            latest?.Mode,
            latest?.Sample ?? false,
            latestProblem,
            history.LastIngestRunId,
            history.LastIngestStatus,
            history.LastIngestFinishedAt,
            sources,
            reasons,
            historyProblem);
    }

    private static string Hours(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} hours");

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
