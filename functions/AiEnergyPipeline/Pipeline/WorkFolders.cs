using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline;

/// <summary>The local folders a run downloads and stages into: one new folder per use, removed when done.</summary>
public static class WorkFolders
{
    /// <summary>A new folder's path under <see cref="PipelineOptions.WorkDirectory"/> (default: the system's temporary folder); not created yet.</summary>
    public static string NewPath(PipelineOptions options) =>
        Path.Combine(Settings.ValueOrNull(options.WorkDirectory) ?? Path.Combine(Path.GetTempPath(), "aienergy"), Guid.NewGuid().ToString("N"));

    /// <summary>Removes a folder and everything in it, if it is there.</summary>
    public static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the outcome matters more.
        }
    }
}
