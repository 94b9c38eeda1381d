namespace AiEnergyPipeline.Sources.Curated;

/// <summary>
/// Turns published demand figures into the firm capacity they need, in GW. Energy becomes power
/// only through a load factor: average GW = TWh x 1000 / 8760, capacity = average GW / load
/// factor. A share of US electricity becomes energy through a stated US consumption.
/// </summary>
public static class DemandConversion
{
    /// <summary>Hours in a year as the sources count them (SOURCES.md): leap days are ignored.</summary>
    public const double HoursPerYear = 8760;

    /// <summary>Units each basis may be stated in, and the factor to GW (capacity), TWh (energy) or percent (share).</summary>
    public static IReadOnlyDictionary<DemandBasis, IReadOnlyDictionary<string, double>> Units { get; } = new Dictionary<DemandBasis, IReadOnlyDictionary<string, double>>
    {
        [DemandBasis.Capacity] = new Dictionary<string, double>(StringComparer.Ordinal) { ["GW"] = 1, ["MW"] = 0.001 },
        [DemandBasis.Energy] = new Dictionary<string, double>(StringComparer.Ordinal) { ["TWh"] = 1, ["GWh"] = 0.001 },
        [DemandBasis.Share] = new Dictionary<string, double>(StringComparer.Ordinal) { ["%"] = 1 },
    };

    public static string Name(this DemandBasis basis) => basis switch
    {
        DemandBasis.Capacity => "capacity",
        DemandBasis.Energy => "energy",
        DemandBasis.Share => "share",
        _ => throw new ArgumentOutOfRangeException(nameof(basis)),
    };

    public static DemandBasis? ParseBasis(string text) => text switch
    {
        "capacity" => DemandBasis.Capacity,
        "energy" => DemandBasis.Energy,
        "share" => DemandBasis.Share,
        _ => null,
    };

    /// <summary>Average power of an annual energy: TWh x 1000 GWh/TWh / 8760 h.</summary>
    public static double AverageGw(double twh) => twh * 1000 / HoursPerYear;

    /// <summary>Capacity needed to deliver an annual energy at a load factor: average GW / load factor.</summary>
    public static double CapacityGw(double twh, double loadFactor) => AverageGw(twh) / loadFactor;

    /// <summary>Energy of a share of consumption: percent / 100 x consumption.</summary>
    public static double ShareTwh(double percent, double consumptionTwh) => percent / 100 * consumptionTwh;
}
