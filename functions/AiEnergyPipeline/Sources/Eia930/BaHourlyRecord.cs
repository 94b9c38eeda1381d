namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// One row of ba_hourly: one series of one balancing authority in one hour (UTC, hour ending).
/// <see cref="Quality"/> is the demand screen's verdict (<see cref="DemandScreen"/>); null for
/// other series, and for demand not yet screened, which ba_annual then counts as ok.
/// </summary>
public readonly record struct BaHourlyRecord(
    string BalancingAuthorityCode,
    DateTime PeriodEndUtc,
    BaSeries Series,
    double ValueMw,
    string Source,
    bool? Imputed,
    DemandQuality? Quality = null);
