namespace AiEnergyPipeline.Publish;

public enum SourceStatus
{
    Succeeded,

    /// <summary>The source published without some of its files (one ISO's queue, say): <see cref="SourceReport.FailedFiles"/> says which and why.</summary>
    Partial,
    Failed,
    NotRun,
}
