using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Publish;

/// <summary>Reads a published run back: its data package and its resources as the package lists them.</summary>
public static class PublishedRun
{
    /// <exception cref="DamagedRunException">The run has no readable datapackage.json.</exception>
    public static async Task<DataPackage> ReadPackageAsync(IDatasetStore store, string runId, CancellationToken cancellationToken)
    {
        await using var file = await store.OpenReadAsync(RunPublisher.DataPackagePath(runId), cancellationToken)
            ?? throw new DamagedRunException($"run {runId} has no {RunPublisher.DataPackagePath(runId)}.");
        try
        {
            return await PublishedJson.DeserializeAsync<DataPackage>(file.Content, cancellationToken) is { Resources: not null } package
                ? package
                : throw new DamagedRunException($"run {runId}: datapackage.json is empty.");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new DamagedRunException($"run {runId}: datapackage.json is not valid JSON: {e.Message.Split('\n', 2)[0].Trim()}");
        }
    }

    /// <summary>The run's report.json; null when it has none or it cannot be read (a report says what ran, and a reader goes on without it).</summary>
    public static async Task<RunReport?> TryReadReportAsync(IDatasetStore store, string runId, CancellationToken cancellationToken)
    {
        await using var stored = await store.OpenReadAsync(RunPublisher.ReportPath(runId), cancellationToken);
        try
        {
            return stored is null ? null : await PublishedJson.DeserializeAsync<RunReport>(stored.Content, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The store path of a resource the package lists (paths are relative to the run folder).</summary>
    /// <exception cref="InvalidOperationException">The path is not a valid store path.</exception>
    public static string PathOf(DataPackage package, DataResource resource)
    {
        var path = $"{RunPublisher.RunFolder(package.Id)}/{resource.Path}";
        return StorePath.IsValid(path) ? path : throw new InvalidOperationException($"run {package.Id}: resource {resource.Name} has the invalid path '{resource.Path}'.");
    }

    /// <exception cref="InvalidOperationException">The package lists no such resource.</exception>
    /// <exception cref="DamagedRunException">The package lists it, but its file is missing from the store.</exception>
    public static async Task<StoredObject> OpenResourceAsync(IDatasetStore store, DataPackage package, string name, CancellationToken cancellationToken)
    {
        var resource = package.Resources.FirstOrDefault(r => r.Name == name)
            ?? throw new InvalidOperationException($"run {package.Id} has no resource '{name}'.");
        var path = PathOf(package, resource);
        return await store.OpenReadAsync(path, cancellationToken)
            ?? throw new DamagedRunException($"run {package.Id}: {path} is listed in its data package but missing from the store.");
    }
}
