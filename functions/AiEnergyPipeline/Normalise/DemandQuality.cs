namespace AiEnergyPipeline.Normalise;

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

public static class DemandQualityNames
{
    /// <summary>The text of the quality column: ok, negative, spike, stuck.</summary>
    public static string Name(this DemandQuality quality) => quality switch
    {
        DemandQuality.Ok => "ok",
        DemandQuality.Negative => "negative",
        DemandQuality.Spike => "spike",
        DemandQuality.Stuck => "stuck",
        _ => throw new ArgumentOutOfRangeException(nameof(quality)),
    };

    /// <summary>The quality a column text names, or null for empty or unknown text.</summary>
    public static DemandQuality? Parse(string? text) => text switch
    {
        "ok" => DemandQuality.Ok,
        "negative" => DemandQuality.Negative,
        "spike" => DemandQuality.Spike,
        "stuck" => DemandQuality.Stuck,
        _ => null,
    };
}
