using System.Globalization;

namespace AiEnergyPipeline.Gap;

/// <summary>A completion weight measured from history: an assumption name, its value, and what it was measured from.</summary>
/// <param name="CohortYears">The cohorts pooled, named one by one where some year between the first and the last is not among them (a January vintage not read); null when they are every year of the range.</param>
public sealed record MeasuredWeight(string Name, double Value, int FirstCohort, int LastCohort, double PlannedMw, double OnlineMw, string? CohortYears = null)
{
    public string Notes => string.Create(CultureInfo.InvariantCulture,
        $"MEASURED: online_mw / planned_mw of the planned_realisation cohorts {CohortYears ?? $"{FirstCohort}-{LastCohort}"} ({OnlineMw:0.###} of {PlannedMw:0.###} MW planned came online within its year); replaces the curated assumption.");
}
