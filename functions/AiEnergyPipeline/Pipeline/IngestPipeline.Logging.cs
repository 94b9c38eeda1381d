using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.Pipeline;

/// <summary>The ingest's log lines: progress on standard error for the CLI, the host's log in Azure.</summary>
public sealed partial class IngestPipeline
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Source}: fetching")]
    private partial void LogFetching(string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Error}")]
    private partial void LogSourceFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "plan {PlanId}: {Count} partitions ({Names})")]
    private partial void LogPlanned(string planId, int count, string names);

    [LoggerMessage(Level = LogLevel.Information, Message = "partition {Index} of {Count}: {Partition}")]
    private partial void LogPartitionStarting(int index, int count, string partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "partition {Index} of {Count}: {Partition} {Status}, {Rows} rows")]
    private partial void LogPartitionDone(int index, int count, string partition, PartitionStatus status, long rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Partition} ({File}): {Status}; {Fetch}; {Rows} rows; {Ms} ms")]
    private partial void LogPartition(string partition, string file, PartitionStatus status, string fetch, long rows, long ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "normalised {Tables} in {Ms} ms")]
    private partial void LogNormalised(string tables, long ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "computed the gap in {Ms} ms")]
    private partial void LogComputed(long ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "wrote the tables' Parquet siblings in {Ms} ms")]
    private partial void LogParquet(long ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "inputs unchanged since run {RunId}: nothing to publish")]
    private partial void LogUnchanged(string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "published run {RunId} to {Store}")]
    private partial void LogPublished(string runId, string store);

    [LoggerMessage(Level = LogLevel.Error, Message = "run {RunId}: its report could not be written: {Error}")]
    private partial void LogReportNotWritten(string runId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "run {RunId} failed: {Error}")]
    private partial void LogFailed(string runId, string error);
}
