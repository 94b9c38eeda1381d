using System.Globalization;

namespace AiEnergyPipeline.Gap;

/// <summary>A completion weight measured from history: an assumption name, its value, and what it was measured from.</summary>
public sealed record MeasuredWeight(string Name, double Value, int FirstCohort, int LastCohort, double PlannedMw, double OnlineMw)
{
    public string Notes => string.Create(CultureInfo.InvariantCulture,
        $"MEASURED: online_mw / planned_mw of the planned_realisation cohorts {FirstCohort}-{LastCohort} ({OnlineMw:0.###} of {PlannedMw:0.###} MW planned came online within its year); replaces the curated assumption.");
}
