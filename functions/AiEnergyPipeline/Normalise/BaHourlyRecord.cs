namespace AiEnergyPipeline.Normalise;

/// <summary>The EIA-930 series, named as in the ba_hourly table.</summary>
public enum BaSeries
{
    Demand,
    Forecast,
    NetGeneration,
    Interchange,
}

public static class BaSeriesNames
{
    public static string Name(this BaSeries series) => series switch
    {
        BaSeries.Demand => "demand",
        BaSeries.Forecast => "forecast",
        BaSeries.NetGeneration => "net_generation",
        BaSeries.Interchange => "interchange",
        _ => throw new ArgumentOutOfRangeException(nameof(series)),
    };

    /// <summary>The API's type codes: D, DF, NG, TI.</summary>
    public static BaSeries? FromApiType(string? type) => type switch
    {
        "D" => BaSeries.Demand,
        "DF" => BaSeries.Forecast,
        "NG" => BaSeries.NetGeneration,
        "TI" => BaSeries.Interchange,
        _ => null,
    };
}

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

/// <summary>A row that could not be read, kept with where it was and why.</summary>
public sealed record QuarantineRecord(string Source, string File, string RawPath, long Line, string Reason, string Excerpt);
