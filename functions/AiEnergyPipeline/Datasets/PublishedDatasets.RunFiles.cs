using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Datasets;

/// <summary>A run's files by their path in the run folder: what its page links to, so that the page works when served over HTTP.</summary>
public sealed partial class PublishedDatasets
{
    /// <summary>The files of every run besides those its data package lists.</summary>
    private static readonly string[] RunDocuments = ["datapackage.json", "report.json"];

    /// <summary>
    /// Opens runs/{runId}/{path} when the path is the run's data package, its report, or a file its
    /// data package lists (the page among them): never any other object of the store.
    /// </summary>
    public async Task<DatasetLookup> OpenRunFileAsync(string? runId, string? path, CancellationToken cancellationToken)
    {
        if (!RunId.IsValid(runId))
        {
            return DatasetLookup.Invalid("runId", "a run id looks like 20261127T060000Z-ab12cd.");
        }

        if (string.IsNullOrEmpty(path))
        {
            return DatasetLookup.NotFound($"run {runId} has no such file.");
        }

        DataResource? listed = null;
        string? mode = null;
        if (!RunDocuments.Contains(path, StringComparer.Ordinal))
        {
            if (await store.GetInfoAsync(RunPublisher.DataPackagePath(runId!), cancellationToken) is null)
            {
                return DatasetLookup.NotFound($"there is no run {runId}.");
            }

            var package = await PublishedRun.ReadPackageAsync(store, runId!, cancellationToken);
            listed = package.Resources.FirstOrDefault(r => r.Path == path);
            mode = package.Mode;
            if (listed is null)
            {
                return DatasetLookup.NotFound($"run {runId} publishes no file {path}.");
            }
        }

        else
        {
            mode = await ModeOfRunAsync(runId!, cancellationToken);
        }

        var opened = await store.OpenReadAsync($"{RunPublisher.RunFolder(runId!)}/{path}", cancellationToken);
        if (opened is null)
        {
            return DatasetLookup.NotFound($"run {runId} has no file {path}.");
        }

        // A listed file is read through a check of its sha256, as a download by name is; the two documents list none.
        // A part is saved as its table's part (ba_hourly_2025_h1.csv), as a download by name names it, not as a bare 2025_h1.csv.
        var fileName = listed is { Part: { } part } ? $"{listed.TableName}_{part}.{listed.Format}" : Path.GetFileName(path);
        return DatasetLookup.Found(listed is null ? opened : new StoredObject(opened.Info, new Sha256CheckingStream(opened.Content, listed.Sha256, path)), runId!, fileName, mode);
    }

    /// <summary>
    /// The run's mode for the X-Run-Mode header of its own documents, read from its report (a failed
    /// run has no data package); null when the report cannot be read, as for a run before modes.
    /// </summary>
    private async Task<string?> ModeOfRunAsync(string runId, CancellationToken cancellationToken) =>
        (await PublishedRun.TryReadReportAsync(store, runId, cancellationToken))?.Mode;
}
