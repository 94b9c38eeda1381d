using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Sources.Queues;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>Section <c>Pipeline</c>: where sources are read from and where a run works.</summary>
public sealed class PipelineSettingsRules : SettingRules<PipelineOptions>
{
    public PipelineSettingsRules()
        : base(PipelineOptions.Section)
    {
        Rule(nameof(PipelineOptions.Mode), "Snapshot or Live", o => Enum.IsDefined(o.Mode) ? null : SettingKey.Show(o.Mode.ToString()));
        Optional(nameof(PipelineOptions.SnapshotPath), $"an existing folder that holds a snapshot ({Snapshot.IndexFileName} files)", o => o.SnapshotPath, HoldsSnapshot);
        Optional(nameof(PipelineOptions.WorkDirectory), "a folder path (created when needed), not a file nor under one", o => o.WorkDirectory, SettingValues.IsFolderPath);
    }

    private static bool HoldsSnapshot(string path)
    {
        try
        {
            return Directory.Exists(path) && Directory.EnumerateFiles(path, Snapshot.IndexFileName, SearchOption.AllDirectories).Any();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
