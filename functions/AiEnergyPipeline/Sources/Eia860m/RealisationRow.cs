namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>One row of planned_realisation: what became of a cohort's planned capacity a year later.</summary>
public sealed record RealisationRow(
    int CohortYear,
    string AccreditationClass,
    string StatusAtStart,
    int Units,
    double PlannedMw,
    double OnlineMw,
    double SlippedMw,
    double CanceledMw,
    double VanishedMw,
    double? MeanSlipMonths,
    string StartVintage,
    string EndVintage)
{
    /// <summary>The label of rows that sum over classes or statuses.</summary>
    public const string All = "all";

    public double? RealisationRate => PlannedMw > 0 ? Math.Clamp(OnlineMw / PlannedMw, 0, 1) : null;
}
