namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// What the screen of <see cref="DemandScreen"/> says of one hour of demand, the ba_hourly
/// <c>quality</c> column. Only demand is screened: other series have no quality (null).
/// </summary>
public enum DemandQuality : byte
{
    /// <summary>Passed every screen: counted in ba_annual's peak and energy.</summary>
    Ok,

    /// <summary>Zero or below: a balancing authority's demand cannot be (Ruggles et al.'s NEG_OR_ZERO).</summary>
    Negative,

    /// <summary>Far above or below both neighbouring hours or the recent median (their DELTA and LOCAL_DEM screens, simplified).</summary>
    Spike,

    /// <summary>The third or later hour of a run of identical values: a stuck meter (their IDENTICAL_RUN).</summary>
    Stuck,
}
