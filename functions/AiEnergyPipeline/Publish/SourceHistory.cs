using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using System.Text.Json;

namespace AiEnergyPipeline.Publish;

/// <summary>
/// state/source-history.json: what the ingests found, kept small and bounded (one entry per source,
/// errors cut short) so that a health check reads one object instead of the reports of many runs.
/// Every ingest, published, unchanged or failed, applies its report (<see cref="With"/>; a replay of
/// a recording only as the last ingest, <see cref="CountsForSources"/>); an
/// unchanged ingest writes no report.json, so the runs' reports alone could not say that a source
/// still answers or that the latest run is still current.
/// </summary>
/// <param name="ConfirmedRunId">The run the newest successful ingest (published or unchanged) left as latest.</param>
/// <param name="ConfirmedAt">When that ingest finished: the data was current at the sources then.</param>
public sealed record SourceHistory(
    IReadOnlyList<SourceHistoryEntry> Sources,
    string? LastIngestRunId = null,
    RunStatus? LastIngestStatus = null,
    DateTimeOffset? LastIngestStartedAt = null,
    DateTimeOffset? LastIngestFinishedAt = null,
    string? ConfirmedRunId = null,
    DateTimeOffset? ConfirmedAt = null)
{
    public const string Path = "state/source-history.json";

    /// <summary>Far larger than the history of a few sources can be: a bigger object is not one, and is not read whole.</summary>
    public const long MaxBytes = 1 << 20;

    /// <summary>The longest error kept per source: enough for the cause, bounded for the document.</summary>
    public const int MaxErrorChars = 1000;

    public static SourceHistory Empty { get; } = new([]);

    /// <summary>Failed ingests kept per source: far more than any alert waits for, bounded for the document.</summary>
    public const int MaxFailuresKept = 100;

    /// <summary>
    /// The history with an ingest's report applied. Per source, a success resets the count for the
    /// ingests that started before it, and a failure counts when its ingest started after the last
    /// success; failures are kept by start time, so that a report applied twice (a retried
    /// completion) or late (a slower concurrent run) gives the same count as in order.
    /// </summary>
    /// <param name="latestRunId">The run latest.json points at after this ingest.</param>
    public SourceHistory With(RunReport report, string? latestRunId)
    {
        ArgumentNullException.ThrowIfNull(report);
        var entries = Sources.ToDictionary(e => e.Name, StringComparer.Ordinal);
        foreach (var source in report.Sources.Where(s => s.Status != SourceStatus.NotRun && CountsForSources(report)))
        {
            var entry = entries.GetValueOrDefault(source.Name) ?? new SourceHistoryEntry(source.Name, []);
            var afterLastSuccess = entry.LastSuccessStartedAt is not { } lastSuccess || report.StartedAt > lastSuccess;
            // A failure counts against a source, and so does going without some of its files (a
            // partial queues source: an ISO's file failed alone). A run still publishes then, but an
            // ISO missing run after run is the changed layout or address an alert is for.
            var counts = source.Status is SourceStatus.Failed or SourceStatus.Partial;
            var error = source.Error ?? (source.FailedFiles is { Count: > 0 } files ? string.Join("; ", files.Select(f => f.Error)) : null);
            entries[source.Name] = !counts
                ? entry with
                {
                    LastSuccessStartedAt = afterLastSuccess ? report.StartedAt : entry.LastSuccessStartedAt,
                    FailedRunStarts = afterLastSuccess ? [.. entry.FailedRunStarts.Where(f => f > report.StartedAt)] : entry.FailedRunStarts,
                    LastSuccessAt = Later(entry.LastSuccessAt, report.FinishedAt, out var success) ? report.FinishedAt : entry.LastSuccessAt,
                    LastSuccessRunId = success ? report.RunId : entry.LastSuccessRunId,
                }
                : entry with
                {
                    FailedRunStarts = afterLastSuccess
                        ? [.. entry.FailedRunStarts.Append(report.StartedAt).Distinct().Order().TakeLast(MaxFailuresKept)]
                        : entry.FailedRunStarts,
                    LastFailureAt = Later(entry.LastFailureAt, report.FinishedAt, out var failure) ? report.FinishedAt : entry.LastFailureAt,
                    LastFailureRunId = failure ? report.RunId : entry.LastFailureRunId,
                    LastError = failure ? Shortened(error ?? report.Message) : entry.LastError,
                };
        }

        var newest = LastIngestStartedAt is not { } last || report.StartedAt >= last;
        var confirms = report.Status != RunStatus.Failed && CountsForSources(report) && latestRunId is not null && (ConfirmedAt is not { } at || report.FinishedAt >= at);
        return this with
        {
            Sources = [.. entries.Values.OrderBy(e => e.Name, StringComparer.Ordinal)],
            LastIngestRunId = newest ? report.RunId : LastIngestRunId,
            LastIngestStatus = newest ? report.Status : LastIngestStatus,
            LastIngestStartedAt = newest ? report.StartedAt : LastIngestStartedAt,
            LastIngestFinishedAt = newest ? report.FinishedAt : LastIngestFinishedAt,
            ConfirmedRunId = confirms ? latestRunId : ConfirmedRunId,
            ConfirmedAt = confirms ? report.FinishedAt : ConfirmedAt,
        };
    }

    /// <summary>
    /// Whether an ingest says anything about the sources: a replay of a recording asked none of them.
    /// Its success is no sign that a source answers, its failure (a file missing from the recording)
    /// none that it fails, and finding the latest run's bytes again does not make that run current:
    /// the recording may be older than it. A sample run still counts, so that a deployment on the
    /// bundled snapshot reports as one that fetches (its data is labelled sample everywhere).
    /// </summary>
    public static bool CountsForSources(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Mode != RunMode.Recorded;
    }

    /// <summary>The history and its ETag (null when there is none); a damaged one reads as empty with its problem, and the next ingest replaces it.</summary>
    public static async Task<(SourceHistory History, string? ETag, string? Problem)> ReadAsync(IDatasetStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var opened = await store.OpenReadAsync(Path, cancellationToken);
        if (opened is null)
        {
            return (Empty, null, null);
        }

        if (opened.Info.Length > MaxBytes)
        {
            return (Empty, opened.Info.ETag, $"{Path} is {opened.Info.Length:N0} bytes, more than a history can be ({MaxBytes:N0}).");
        }

        try
        {
            var history = await PublishedJson.DeserializeAsync<SourceHistory>(opened.Content, cancellationToken);
            return history?.Sources is null || history.Sources.Any(s => s?.Name is null || s.FailedRunStarts is null)
                ? (Empty, opened.Info.ETag, $"{Path} is not a source history.")
                : (history, opened.Info.ETag, null);
        }
        catch (JsonException e)
        {
            return (Empty, opened.Info.ETag, $"{Path} is not valid: {e.Message.Split('\n', 2)[0].Trim()}");
        }
    }

    private static bool Later(DateTimeOffset? current, DateTimeOffset candidate, out bool later) =>
        later = current is not { } value || candidate >= value;

    private static string? Shortened(string? error) =>
        error is null || error.Length <= MaxErrorChars ? error : error[..(MaxErrorChars - 3)] + "...";
}
