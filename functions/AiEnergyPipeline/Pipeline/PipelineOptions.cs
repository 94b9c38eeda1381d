namespace AiEnergyPipeline.Pipeline;

/// <summary>Settings of the pipeline as a whole (section <c>Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    public SourceMode Mode { get; set; } = SourceMode.Live;

    /// <summary>Folder of the bundled snapshot; default: the one beside the program.</summary>
    public string? SnapshotPath { get; set; }

    /// <summary>Folder for downloads and staged tables during a run; default: the system's temporary folder.</summary>
    public string? WorkDirectory { get; set; }
}
