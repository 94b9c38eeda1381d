namespace AiEnergyPipeline.Fetch;

/// <summary>Where a file that a source could do without failed: downloading it, or reading it.</summary>
public enum FailureStage
{
    /// <summary>The download failed (an error status, an HTML page, a cut-off body, ...); nothing was archived.</summary>
    Fetch,

    /// <summary>The file was archived but its layout was not recognised, or it broke off part-way.</summary>
    Read,
}
