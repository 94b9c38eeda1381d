namespace AiEnergyPipeline.Gap;

/// <summary>How the gap learns completion weights from measured planned realisation (section <c>Gap:CompletionWeights</c>).</summary>
public sealed class CompletionLearningOptions
{
    public const string Section = "Gap:CompletionWeights";

    /// <summary>How many of the newest complete cohorts (planned_realisation cohort years) a measured weight pools.</summary>
    public int Cohorts { get; set; } = 3;

    /// <summary>
    /// The planned capacity those cohorts must hold at a status (or status and class) for its
    /// measured rate to replace the curated assumption: below it a few units would swing the weight.
    /// </summary>
    public double MinimumCohortMw { get; set; } = 1000;
}
