using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Datasets;

/// <summary>
/// Reads what the pipeline published, for the HTTP API and the CLI: the tables of the latest
/// run (or of a named run), and run reports. Every name from outside is checked against an
/// allow-list before it becomes part of a store path.
/// </summary>
public sealed partial class PublishedDatasets(IDatasetStore store, RunPublisher publisher)
{
    public static IReadOnlyList<string> Formats { get; } = ["csv", "parquet", "json", "svg"];

    /// <summary>How long a check that the latest run is whole is trusted for the same latest.json.</summary>
    private static readonly TimeSpan CheckLifetime = TimeSpan.FromMinutes(1);

    private LatestCheck? _checked;

    /// <summary>
    /// latest.json, damaged (with its <see cref="LatestRead.Problem"/>) when it is malformed or the run
    /// it names is not whole. The run is checked once per version of latest.json and minute, not on
    /// every request: a listing costs one read, not one per file.
    /// </summary>
    public async Task<LatestRead> LatestAsync(CancellationToken cancellationToken)
    {
        var read = await publisher.ReadLatestAsync(cancellationToken);
        if (read.Pointer is not { } pointer)
        {
            return read;
        }

        var check = _checked;
        if (check is null || check.ETag != read.ETag || Environment.TickCount64 - check.CheckedAt > CheckLifetime.TotalMilliseconds)
        {
            check = new LatestCheck(read.ETag, await RunIntegrity.ProblemOfAsync(store, pointer.RunId, cancellationToken), Environment.TickCount64);
            _checked = check;
        }

        return check.Problem is { } problem ? LatestRead.Damaged(read.ETag, $"points at a damaged run: {problem}") : read;
    }

    /// <summary>What a reader answers when latest.json is damaged: what is wrong, and that the next run repairs it.</summary>
    public static string Unavailable(string problem) => $"{problem} The next run publishes a whole run in its place.";

    /// <summary>
    /// Opens a resource of the latest run, or of <paramref name="runId"/>, as its data package lists it
    /// (tables under data/, the gap's outputs under gap/, each table as CSV and Parquet); without a format, the first one listed.
    /// A table published in parts (ba_hourly) is read as one CSV, its parts in the package's order
    /// under one header, unless <paramref name="part"/> names one of them; as Parquet, one part at a time.
    /// </summary>
    public async Task<DatasetLookup> OpenAsync(string? name, string? format, string? runId, CancellationToken cancellationToken, string? part = null)
    {
        format = string.IsNullOrEmpty(format) ? null : format;
        part = string.IsNullOrEmpty(part) ? null : part;
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

        if (part is not null && !PartName().IsMatch(part))
        {
            return DatasetLookup.Invalid("part", "a part is lower-case letters, digits and '_', at most 32 characters, such as 2024_h1 or api.");
        }

        if (runId is null)
        {
            var (latest, _, problem) = await LatestAsync(cancellationToken);
            if (problem is not null)
            {
                return DatasetLookup.Unavailable(Unavailable(problem));
            }

            if (latest is null)
            {
                return DatasetLookup.NotFound("nothing has been published yet.");
            }

            runId = latest.RunId;
        }

        await using var packageFile = await store.OpenReadAsync(RunPublisher.DataPackagePath(runId), cancellationToken);
        DataPackage? package;
        try
        {
            package = packageFile is null ? null : await PublishedJson.DeserializeAsync<DataPackage>(packageFile.Content, cancellationToken);
        }
        catch (System.Text.Json.JsonException e)
        {
            return DatasetLookup.Unavailable($"run {runId}: datapackage.json is not valid JSON: {e.Message.Split('\n', 2)[0].Trim()}");
        }

        if (package?.Resources is null)
        {
            return DatasetLookup.NotFound($"there is no published run {runId}.");
        }

        var parts = package.Resources.Where(r => r.Part is not null && r.TableName == name).ToList();
        format ??= package.Resources.FirstOrDefault(r => r.TableName == name)?.Format;
        parts = parts.Where(r => r.Format == format).ToList();
        if (part is not null)
        {
            var selected = parts.FirstOrDefault(r => r.Part == part);
            return selected is null
                ? DatasetLookup.NotFound($"run {runId} has no part '{part}' of '{name}'{(format is null ? "" : $" as {format}")}{(parts.Count > 0 ? $"; its parts are {string.Join(", ", parts.Select(p => p.Part))}" : "")}.")
                : await OpenOneAsync(runId, selected, $"{name}_{part}.{selected.Format}", package.Mode, cancellationToken);
        }

        if (parts.Count > 0 && format != "csv")
        {
            // Parquet files cannot be joined by concatenation: each part is a file of its own.
            return DatasetLookup.Invalid("part", $"'{name}' is published in parts; as {format}, ask for one part; its parts are {string.Join(", ", parts.Select(p => p.Part))}.");
        }

        if (parts.Count > 0)
        {
            var paths = parts.Select(r => (Path: $"{RunPublisher.RunFolder(runId)}/{r.Path}", r.Sha256, Name: r.Path)).ToList();
            if (!paths.All(p => StorePath.IsValid(p.Path)))
            {
                return DatasetLookup.NotFound($"run {runId} has no dataset '{name}' as {format}.");
            }

            // One header for all: every part after the first loses its header line.
            var header = Schemas.ByName(name!) is { } schema ? System.Text.Encoding.UTF8.GetByteCount(string.Join(',', schema.ColumnNames) + "\n") : 0;
            var info = new StoredObjectInfo(paths[0].Path, $"\"{runId}-{name}\"", parts.Sum(p => p.Bytes) - (header * (parts.Count - 1)), ContentTypes.ForExtension(format!), new Dictionary<string, string>());
            return DatasetLookup.Found(new StoredObject(info, new PartsStream(store, paths)), runId, $"{name}.{format}", package.Mode);
        }

        // A table's CSV is listed before its Parquet sibling (ba_hourly, ba_hourly.parquet): without a format, the CSV.
        var resource = package.Resources.FirstOrDefault(r => r.Part is null && r.TableName == name && (format is null || r.Format == format));
        return resource is null
            ? DatasetLookup.NotFound($"run {runId} has no dataset '{name}'{(format is null ? "" : $" as {format}")}.")
            : await OpenOneAsync(runId, resource, null, package.Mode, cancellationToken);
    }

    private async Task<DatasetLookup> OpenOneAsync(string runId, DataResource resource, string? fileName, string? mode, CancellationToken cancellationToken)
    {
        var path = $"{RunPublisher.RunFolder(runId)}/{resource.Path}";
        if (!StorePath.IsValid(path))
        {
            return DatasetLookup.NotFound($"run {runId} has no dataset '{resource.Name}' as {resource.Format}.");
        }

        var opened = await store.OpenReadAsync(path, cancellationToken);
        return opened is null
            ? DatasetLookup.Unavailable($"run {runId} is damaged: {resource.Path} is listed in its data package but missing from the store.")
            : DatasetLookup.Found(new StoredObject(opened.Info, new Sha256CheckingStream(opened.Content, resource.Sha256, resource.Path)), runId, fileName ?? Path.GetFileName(path), mode);
    }

    /// <summary>Opens runs/{runId}/report.json.</summary>
    public async Task<DatasetLookup> OpenReportAsync(string? runId, CancellationToken cancellationToken)
    {
        if (!RunId.IsValid(runId))
        {
            return DatasetLookup.Invalid("runId", "a run id looks like 20261127T060000Z-ab12cd.");
        }

        var opened = await store.OpenReadAsync(RunPublisher.ReportPath(runId!), cancellationToken);
        return opened is null ? DatasetLookup.NotFound($"there is no run {runId}.") : DatasetLookup.Found(opened, runId!, "report.json", await ModeOfRunAsync(runId!, cancellationToken));
    }

    public static bool IsDatasetName(string? name) => name is not null && DatasetName().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}\\z")]
    private static partial Regex DatasetName();

    [GeneratedRegex("^[a-z0-9][a-z0-9_]{0,31}\\z")]
    private static partial Regex PartName();
}

/// <summary>The result of checking that the run a version of latest.json names is whole.</summary>
internal sealed record LatestCheck(string? ETag, string? Problem, long CheckedAt);
