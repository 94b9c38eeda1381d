using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// One local folder that a step of a run downloads and stages into (plan, partition, completion,
/// recompute, recording): a new one per use under <see cref="PipelineOptions.WorkDirectory"/>,
/// removed when disposed. A process killed before that leaves it for the sweep, which looks under
/// <see cref="RootOf"/>.
/// </summary>
public sealed class WorkFolder : IDisposable
{
    private WorkFolder(string path) => Path = path;

    /// <summary>The folder itself; created by whoever writes into it first.</summary>
    public string Path { get; }

    /// <summary>Where the raw files of the step are downloaded.</summary>
    public string Raw => Combine("raw");

    /// <summary>Where the step's tables are staged before they are published.</summary>
    public string Tables => Combine("tables");

    /// <summary>
    /// Where every work folder goes: <see cref="PipelineOptions.WorkDirectory"/>, by default a folder
    /// of this user's in the system's temporary folder (aienergy-{user}): one folder shared by every
    /// user took the first one's permissions, and a second user could not run at all.
    /// </summary>
    public static string RootOf(PipelineOptions options) =>
        Settings.ValueOrNull(options.WorkDirectory) ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), DefaultFolderName);

    /// <summary>The default folder's name: aienergy-{user name}, the user name cut to safe characters.</summary>
    public static string DefaultFolderName { get; } =
        "aienergy-" + new string([.. Environment.UserName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);

    /// <summary>A new folder under <see cref="RootOf"/>, named uniquely so that concurrent steps never share one; not created yet.</summary>
    public static WorkFolder Create(PipelineOptions options) => new(System.IO.Path.Combine(RootOf(options), Guid.NewGuid().ToString("N")));

    /// <summary>A subfolder's path.</summary>
    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => TryDelete(Path);

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
            // A leftover temporary folder is harmless (the sweep removes it later); the outcome matters more.
        }
    }
}
