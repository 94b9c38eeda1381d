using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.Pipeline;

/// <summary>Fetches a source that is not partitioned, at completion, into its files and its report; a source that fails says why in its report.</summary>
public sealed partial class SourceFetcher(SecretRedactor redactor, TimeProvider time, PipelineMetrics metrics, ILogger<SourceFetcher> logger)
{
    /// <returns>
    /// The files and the files that failed alone (an ISO's queue file: the source is then partial),
    /// or null when the source failed; and the source's report either way.
    /// </returns>
    public async Task<(SourceFetch? Fetched, SourceReport Report)> FetchAsync(ISource source, RawArchive archive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var started = time.GetTimestamp();
        LogFetching(source.Name);
        using var span = PipelineTelemetry.Start(PipelineTelemetry.FetchSpan);
        span?.SetTag(PipelineTelemetry.SourceTag, source.Name);
        var sourceTag = PipelineMetrics.Tag(PipelineTelemetry.SourceTag, source.Name);
        try
        {
            var fetched = await source.FetchEachAsync(archive, cancellationToken);
            var downloaded = fetched.Files.Where(f => !f.NotModified).Sum(f => f.Bytes);
            span?.SetTag("aienergy.bytes", downloaded);
            span?.SetTag("aienergy.files", fetched.Files.Count);
            metrics.BytesFetched.Add(downloaded, sourceTag);
            metrics.FetchDuration.Record(time.GetElapsedTime(started).TotalSeconds, sourceTag);
            if (fetched.Failures.Count > 0)
            {
                span?.SetTag(PipelineTelemetry.OutcomeTag, "partial");
            }

            var fileReports = fetched.Files.Select(f => new FileReport(f.FileName, f.RawPath, f.Sha256, f.Bytes, f.AlreadyArchived)).ToList();
            var failures = fetched.Failures.Select(f => f with { Error = redactor.Redact(f.Error) }).ToList();
            return (fetched with { Failures = failures }, new SourceReport(source.Name, failures.Count > 0 ? SourceStatus.Partial : SourceStatus.Succeeded, ElapsedMs(started), fileReports, 0, 0, 0, 0, null,
                FailedFiles: failures.Count > 0 ? failures : null));
        }
        catch (SourceException e)
        {
            var error = redactor.Redact(e.Message);
            LogSourceFailed(error);
            PipelineTelemetry.Fail(span, nameof(SourceException), error);
            metrics.FetchDuration.Record(time.GetElapsedTime(started).TotalSeconds, sourceTag);
            return (null, new SourceReport(source.Name, SourceStatus.Failed, ElapsedMs(started), [], 0, 0, 0, 0, error));
        }
    }

    private long ElapsedMs(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source}: fetching")]
    private partial void LogFetching(string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Error}")]
    private partial void LogSourceFailed(string error);
}
