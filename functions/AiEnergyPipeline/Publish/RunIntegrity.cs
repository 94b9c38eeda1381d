using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using System.Text.Json;

namespace AiEnergyPipeline.Publish;

/// <summary>
/// Whether a run is whole in the store: its datapackage.json is there and readable, and every
/// resource it lists exists with the size it lists. Checked with properties only (HEAD), never by
/// downloading: before latest.json is swung to a run, and before a run is trusted as latest.
/// </summary>
public static class RunIntegrity
{
    /// <summary>How many missing or short files a problem names; the rest are counted.</summary>
    private const int NamedFiles = 5;

    /// <summary>What is wrong with the published run <paramref name="runId"/>, or null when it is whole.</summary>
    public static async Task<string?> ProblemOfAsync(IDatasetStore store, string runId, CancellationToken cancellationToken)
    {
        DataPackage? package;
        await using (var file = await store.OpenReadAsync(RunPublisher.DataPackagePath(runId), cancellationToken))
        {
            if (file is null)
            {
                return $"run {runId} has no {RunPublisher.DataPackagePath(runId)}.";
            }

            try
            {
                package = await PublishedJson.DeserializeAsync<DataPackage>(file.Content, cancellationToken);
            }
            catch (JsonException e)
            {
                return $"run {runId}: datapackage.json is not valid JSON: {e.Message.Split('\n', 2)[0].Trim()}";
            }
        }

        if (package?.Resources is null || package.Id != runId)
        {
            return $"run {runId}: datapackage.json is not the data package of this run.";
        }

        return await ProblemOfFilesAsync(store, package, cancellationToken);
    }

    /// <summary>Which of the package's resources are missing from the store or not of the listed size, or null when none.</summary>
    public static async Task<string?> ProblemOfFilesAsync(IDatasetStore store, DataPackage package, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var resource in package.Resources)
        {
            var path = resource?.Path is { } relative ? $"{RunPublisher.RunFolder(package.Id)}/{relative}" : null;
            if (path is null || !StorePath.IsValid(path))
            {
                problems.Add($"a resource with the invalid path '{resource?.Path}'");
                continue;
            }

            var info = await store.GetInfoAsync(path, cancellationToken);
            if (info is null)
            {
                problems.Add($"{resource!.Path} is missing");
            }
            else if (info.Length != resource!.Bytes)
            {
                problems.Add($"{resource.Path} has {info.Length:N0} bytes, not {resource.Bytes:N0}");
            }
        }

        if (problems.Count == 0)
        {
            return null;
        }

        var named = string.Join("; ", problems.Take(NamedFiles)) + (problems.Count > NamedFiles ? $"; and {problems.Count - NamedFiles} more" : "");
        return $"run {package.Id} is not whole in the store: {problems.Count} of its {package.Resources.Count} files are missing or short: {named}.";
    }
}
