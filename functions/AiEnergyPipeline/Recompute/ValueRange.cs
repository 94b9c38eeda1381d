using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Vocabulary;
using System.Globalization;

namespace AiEnergyPipeline.Recompute;

/// <summary>
/// The physical range of an overridable number. Every value a recompute may set has one, so that
/// nothing the model computes from them can reach absurd sizes or leave the range of a double:
/// with each input bounded, each output is bounded by construction.
/// </summary>
/// <param name="Min">Lowest value (allowed only when <paramref name="MinInclusive"/>).</param>
/// <param name="MinInclusive">False for a range open at the bottom, (0, 1].</param>
/// <param name="Max">Highest value, always allowed.</param>
/// <param name="Unit">Shown after the range in messages.</param>
public sealed record ValueRange(double Min, bool MinInclusive, double Max, string Unit)
{
    /// <summary>Largest load, and largest yearly growth of load, in GW: about twice US peak load today (~760 GW), room for any published scenario, never 300 digits.</summary>
    public const double MaxGw = 2_000;

    /// <summary>
    /// Lowest load factor. Energy becomes capacity as TWh x 1000 / 8760 / load factor, so a factor
    /// near 0 (5e-324) turns any energy figure into infinity. Below 1% a data centre would draw its
    /// capacity for fewer than 88 hours a year: no real one does.
    /// </summary>
    public const double MinLoadFactor = 0.01;

    /// <summary>Largest yearly electricity consumption: 2,000 GW drawn all year is 17,520 TWh; world consumption is about 30,000.</summary>
    public const double MaxTwh = 20_000;

    /// <summary>Largest value of an assumption in a unit the model does not know (it cannot read it, but the value is still published).</summary>
    public const double MaxOther = 1_000_000;

    /// <summary>Last year any year may be: the scenarios published run to 2030-2050.</summary>
    public const int LastYear = 2100;

    /// <summary>AI load of a scenario point: 0 to <see cref="MaxGw"/> GW.</summary>
    public static ValueRange AiLoad { get; } = new(0, true, MaxGw, "GW");

    /// <summary>The range of a published assumption: by name for load factors, else by unit.</summary>
    public static ValueRange For(string name, string unit) => unit switch
    {
        AssumptionsCsv.Fraction when name.StartsWith(AssumptionNames.LoadFactorPrefix, StringComparison.Ordinal) => new(MinLoadFactor, true, 1, unit),
        AssumptionsCsv.Fraction => new(0, true, 1, unit),
        // A switch is 0 or 1; RecomputeLimits.Check also refuses the fractions between.
        AssumptionNames.SwitchUnit => new(0, true, 1, unit),
        "GW" or "GW/year" => new(0, true, MaxGw, unit),
        "MW" or "MW/year" => new(0, true, MaxGw * 1000, unit),
        // Consumption scales share scenarios: zero would make every share scenario zero.
        "TWh" => new(0, false, MaxTwh, unit),
        _ => new(0, true, MaxOther, unit),
    };

    public bool Contains(double value) =>
        double.IsFinite(value) && (MinInclusive ? value >= Min : value > Min) && value <= Max;

    /// <summary>The range as written in messages and docs/recompute.md: <c>[0, 1] fraction</c>, <c>(0, 20000] TWh</c>.</summary>
    public override string ToString() =>
        $"{(MinInclusive ? "[" : "(")}{Show(Min)}, {Show(Max)}] {Unit}";

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
