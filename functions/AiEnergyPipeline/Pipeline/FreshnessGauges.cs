using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using System.Diagnostics.Metrics;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// The observable gauges of how old the data is: <c>aienergy.data.age</c> (seconds since the latest
/// run was published, or since a later ingest found its inputs unchanged, as /api/health counts it),
/// and per source <c>aienergy.source.success_age</c> and <c>aienergy.source.consecutive_failures</c>.
/// A collection never waits on the store: it answers from what this instance last knew (an ingest
/// ending here tells it at once, see <see cref="Remember"/>) and, when that is older than
/// <see cref="RefreshAfter"/>, starts one background read of latest.json and
/// state/source-history.json (two small objects) for the next collection.
/// </summary>
public sealed class FreshnessGauges
{
    /// <summary>Ages grow by the clock between reads; only what changes elsewhere (another instance's run) waits this long.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(5);

    private readonly IDatasetStore _store;
    private readonly RunPublisher _publisher;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private Snapshot? _known;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private int _refreshing;

    public FreshnessGauges(IDatasetStore store, RunPublisher publisher, TimeProvider time, PipelineMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _store = store;
        _publisher = publisher;
        _time = time;
        metrics.Meter.CreateObservableGauge("aienergy.data.age", DataAge, "s", "Age of the published data: since the latest run was published or last found current");
        metrics.Meter.CreateObservableGauge("aienergy.source.success_age", SourceSuccessAges, "s", "Per source, time since its last successful fetch");
        metrics.Meter.CreateObservableGauge("aienergy.source.consecutive_failures", SourceFailures, "{run}", "Per source, the ingest runs it has failed in a row");
    }

    /// <summary>
    /// What an ingest that ended here just wrote: no read is needed until another instance's run
    /// changes it. <paramref name="publishedAt"/> is set when this run published the latest run; for
    /// another latest run whose time this instance does not know, the next collection reads it.
    /// </summary>
    public void Remember(SourceHistory history, string? latestRunId, DateTimeOffset? publishedAt)
    {
        ArgumentNullException.ThrowIfNull(history);
        lock (_lock)
        {
            var latestAt = publishedAt ?? (_known?.LatestRunId == latestRunId ? _known?.LatestPublishedAt : null);
            _known = new Snapshot(history, latestAt, latestRunId);
            _readAt = latestRunId is not null && latestAt is null ? DateTimeOffset.MinValue : _time.GetUtcNow();
        }
    }

    /// <summary>Reads both objects now (the background refresh, and tests).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var latest = await _publisher.ReadLatestAsync(cancellationToken);
        var (history, _, _) = await SourceHistory.ReadAsync(_store, cancellationToken);
        lock (_lock)
        {
            _known = new Snapshot(history, latest.Pointer?.PublishedAt, latest.Pointer?.RunId);
            _readAt = _time.GetUtcNow();
        }
    }

    private Snapshot? Current()
    {
        Snapshot? known;
        bool stale;
        lock (_lock)
        {
            known = _known;
            stale = _time.GetUtcNow() - _readAt > RefreshAfter;
        }

        if (stale && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await RefreshAsync(CancellationToken.None);
                }
#pragma warning disable CA1031 // A gauge must never fail a collection: an unreadable store leaves the last values, and the run's own logs say why.
                catch (Exception)
#pragma warning restore CA1031
                {
                    lock (_lock)
                    {
                        _readAt = _time.GetUtcNow();
                    }
                }
                finally
                {
                    Interlocked.Exchange(ref _refreshing, 0);
                }
            });
        }

        return known;
    }

    private IEnumerable<Measurement<double>> DataAge()
    {
        if (Current() is not { LatestPublishedAt: { } publishedAt } known)
        {
            return [];
        }

        var history = known.History;
        var freshAsOf = history.ConfirmedRunId == known.LatestRunId && history.ConfirmedAt > publishedAt ? history.ConfirmedAt.Value : publishedAt;
        return [new Measurement<double>((_time.GetUtcNow() - freshAsOf).TotalSeconds, PipelineMetrics.Tag(PipelineTelemetry.RunIdTag, known.LatestRunId))];
    }

    private IEnumerable<Measurement<double>> SourceSuccessAges()
    {
        var now = _time.GetUtcNow();
        return (Current()?.History.Sources ?? [])
            .Where(s => s.LastSuccessAt is not null)
            .Select(s => new Measurement<double>((now - s.LastSuccessAt!.Value).TotalSeconds, PipelineMetrics.Tag(PipelineTelemetry.SourceTag, s.Name)))
            .ToList();
    }

    private IEnumerable<Measurement<long>> SourceFailures() =>
        (Current()?.History.Sources ?? [])
            .Select(s => new Measurement<long>(s.ConsecutiveFailures, PipelineMetrics.Tag(PipelineTelemetry.SourceTag, s.Name)))
            .ToList();

    private sealed record Snapshot(SourceHistory History, DateTimeOffset? LatestPublishedAt, string? LatestRunId);
}
