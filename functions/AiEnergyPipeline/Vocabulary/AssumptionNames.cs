namespace AiEnergyPipeline.Vocabulary;

/// <summary>Names and prefixes of the rows of the assumptions table.</summary>
public static class AssumptionNames
{
    public const string ReserveMargin = "reserve_margin";
    public const string DataCentreLoadFactor = "load_factor.data_centre";
    public const string OtherLoadGrowth = "other_load_growth_gw_per_year";
    public const string BaseYear = "base_year";
    public const string HorizonYear = "horizon_year";

    /// <summary>The coverage_ratio from which a ba_annual year counts as complete (peak shares, peak trend).</summary>
    public const string CompleteYearMinCoverage = "complete_year_min_coverage";

    /// <summary>
    /// 1 adds the queue supply tail (active queue projects not in EIA-860M, weighted by their queue's
    /// completion rate) for the years after EIA-860M's last planned year; 0 (the default) leaves it out.
    /// </summary>
    public const string QueueSupplyTail = "queue_supply_tail";

    /// <summary>The unit of an assumption that is on (1) or off (0).</summary>
    public const string SwitchUnit = "switch";

    /// <summary>Followed by an accreditation class: accreditation_factor.nuclear.</summary>
    public const string AccreditationFactorPrefix = "accreditation_factor.";

    /// <summary>Followed by a planned status code: completion_weight.U.</summary>
    public const string CompletionWeightPrefix = "completion_weight.";

    /// <summary>Followed by a load kind: load_factor.data_centre.</summary>
    public const string LoadFactorPrefix = "load_factor.";

    /// <summary>Followed by a year: us_electricity_consumption_twh.2023.</summary>
    public const string ConsumptionPrefix = "us_electricity_consumption_twh.";

    public static string AccreditationFactor(string accreditationClass) => AccreditationFactorPrefix + accreditationClass;

    public static string CompletionWeight(string status) => CompletionWeightPrefix + status;
}
