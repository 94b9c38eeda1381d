using System.Text.RegularExpressions;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.Datasets;

/// <summary>
/// Reads what the pipeline published, for the HTTP API and the CLI: the tables of the latest
/// run (or of a named run), and run reports. Every name from outside is checked against an
/// allow-list before it becomes part of a store path.
/// </summary>
public sealed partial class PublishedDatasets(IDatasetStore store, RunPublisher publisher)
{
    public static IReadOnlyList<string> Formats { get; } = ["csv", "parquet", "json", "svg"];

    public Task<(LatestPointer? Pointer, string? ETag)> LatestAsync(CancellationToken cancellationToken) =>
        publisher.ReadLatestAsync(cancellationToken);

    /// <summary>
    /// Opens a resource of the latest run, or of <paramref name="runId"/>, as its data package lists it
    /// (tables under data/, the gap's outputs under gap/, each table as CSV and Parquet); without a format, the first one listed.
    /// </summary>
    public async Task<DatasetLookup> OpenAsync(string? name, string? format, string? runId, CancellationToken cancellationToken)
    {
        format = string.IsNullOrEmpty(format) ? null : format;
        if (!IsDatasetName(name))
        {
            return DatasetLookup.Invalid("name", "a dataset name is lower-case letters, digits and '_', starting with a letter, at most 64 characters.");
        }

        if (format is not null && !Formats.Contains(format))
        {
            return DatasetLookup.Invalid("format", $"format must be one of: {string.Join(", ", Formats)}.");
        }

        if (runId is not null && !RunId.IsValid(runId))
        {
            return DatasetLookup.Invalid("run", "a run id looks like 20261127T060000Z-ab12cd.");
        }

        if (runId is null)
        {
            var (latest, _) = await publisher.ReadLatestAsync(cancellationToken);
            if (latest is null)
            {
                return DatasetLookup.NotFound("nothing has been published yet.");
            }

            runId = latest.RunId;
        }

        await using var packageFile = await store.OpenReadAsync(RunPublisher.DataPackagePath(runId), cancellationToken);
        var package = packageFile is null ? null : await PublishedJson.DeserializeAsync<DataPackage>(packageFile.Content, cancellationToken);
        if (package is null)
        {
            return DatasetLookup.NotFound($"there is no published run {runId}.");
        }

        // A table's CSV is listed before its Parquet sibling (ba_hourly, ba_hourly.parquet): without a format, the CSV.
        var resource = package.Resources.FirstOrDefault(r => ResourceNames.TableOf(r.Name) == name && (format is null || r.Format == format));
        var path = resource is null ? null : $"{RunPublisher.RunFolder(runId)}/{resource.Path}";
        var opened = path is not null && StorePath.IsValid(path) ? await store.OpenReadAsync(path, cancellationToken) : null;
        return opened is null
            ? DatasetLookup.NotFound($"run {runId} has no dataset '{name}'{(format is null ? "" : $" as {format}")}.")
            : DatasetLookup.Found(opened, runId, Path.GetFileName(path!));
    }

    /// <summary>Opens runs/{runId}/report.json.</summary>
    public async Task<DatasetLookup> OpenReportAsync(string? runId, CancellationToken cancellationToken)
    {
        if (!RunId.IsValid(runId))
        {
            return DatasetLookup.Invalid("runId", "a run id looks like 20261127T060000Z-ab12cd.");
        }

        var opened = await store.OpenReadAsync(RunPublisher.ReportPath(runId!), cancellationToken);
        return opened is null ? DatasetLookup.NotFound($"there is no run {runId}.") : DatasetLookup.Found(opened, runId!, "report.json");
    }

    public static bool IsDatasetName(string? name) => name is not null && DatasetName().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}\\z")]
    private static partial Regex DatasetName();
}

public enum LookupStatus
{
    Found,
    NotFound,
    Invalid,
}

/// <summary>The answer to a lookup: the opened object, or why there is none.</summary>
public sealed record DatasetLookup(LookupStatus Status, StoredObject? Object, string? RunId, string? FileName, string? Field, string Message)
{
    public static DatasetLookup Found(StoredObject opened, string runId, string fileName) => new(LookupStatus.Found, opened, runId, fileName, null, "");
    public static DatasetLookup NotFound(string message) => new(LookupStatus.NotFound, null, null, null, null, message);
    public static DatasetLookup Invalid(string field, string message) => new(LookupStatus.Invalid, null, null, null, field, message);
}
