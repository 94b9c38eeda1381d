using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.Publish;

/// <summary>Reads a published run back: its data package and its resources as the package lists them.</summary>
public static class PublishedRun
{
    /// <exception cref="InvalidOperationException">The run has no readable datapackage.json.</exception>
    public static async Task<DataPackage> ReadPackageAsync(IDatasetStore store, string runId, CancellationToken cancellationToken)
    {
        await using var file = await store.OpenReadAsync(RunPublisher.DataPackagePath(runId), cancellationToken)
            ?? throw new InvalidOperationException($"run {runId} has no {RunPublisher.DataPackagePath(runId)}.");
        return await PublishedJson.DeserializeAsync<DataPackage>(file.Content, cancellationToken)
            ?? throw new InvalidOperationException($"run {runId}: datapackage.json is empty.");
    }

    /// <summary>The store path of a resource the package lists (paths are relative to the run folder).</summary>
    /// <exception cref="InvalidOperationException">The path is not a valid store path.</exception>
    public static string PathOf(DataPackage package, DataResource resource)
    {
        var path = $"{RunPublisher.RunFolder(package.Id)}/{resource.Path}";
        return StorePath.IsValid(path) ? path : throw new InvalidOperationException($"run {package.Id}: resource {resource.Name} has the invalid path '{resource.Path}'.");
    }

    /// <exception cref="InvalidOperationException">The package lists no such resource, or its file is missing.</exception>
    public static async Task<StoredObject> OpenResourceAsync(IDatasetStore store, DataPackage package, string name, CancellationToken cancellationToken)
    {
        var resource = package.Resources.FirstOrDefault(r => r.Name == name)
            ?? throw new InvalidOperationException($"run {package.Id} has no resource '{name}'.");
        var path = PathOf(package, resource);
        return await store.OpenReadAsync(path, cancellationToken)
            ?? throw new InvalidOperationException($"run {package.Id}: {path} is missing.");
    }
}
