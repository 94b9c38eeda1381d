using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tests.Gap;

/// <summary>Small inputs whose gap can be worked out by hand.</summary>
internal static class GapTestData
{
    public static GapSettings Settings(double reserveMargin = 0.2) => new(
        2025,
        2028,
        reserveMargin,
        10,
        new Dictionary<string, double> { ["gas_combined_cycle"] = 0.8, ["solar_pv"] = 0.1, ["coal"] = 0.9, ["other"] = 0.5 },
        new Dictionary<string, double> { ["U"] = 0.5, ["V"] = 1.0 });

    public static IReadOnlyList<BalancingAuthorityRegion> Regions { get; } =
    [
        new("PJM", "PJM Interconnection", "MIDA", "Mid-Atlantic"),
        new("ERCO", "ERCOT", "TEX", "Texas"),
    ];

    public static GapInputs Inputs(IReadOnlyList<ScenarioPoint>? scenarios = null, IReadOnlyList<GeneratorUnit>? generators = null, IReadOnlyList<AnnualPeak>? peaks = null) => new(
        scenarios ?? [new("s1", 2025, 0, "Publisher, A Title (2025)"), new("s1", 2027, 10, "Publisher, A Title (2025)")],
        new Dictionary<string, double>(),
        generators ?? Units,
        peaks ?? [new("PJM", 2025, 300, 0.95), new("ERCO", 2025, 100, 0.95)],
        [new("USA", 2024, 37.9), new("CHN", 2024, 423), new("CHN", 2023, 352.11)],
        Regions);

    public static IReadOnlyList<GeneratorUnit> Units { get; } =
    [
        // 2026, PJM: 1000 MW gas CC x 0.8 x weight(U) 0.5 = 400 MW
        new("planned", "PJM", "gas_combined_cycle", "U", 1000, 2026, null),
        // 2027, ERCO: 500 MW solar x 0.1 x weight(V) 1.0 = 50 MW
        new("planned", "ERCO", "solar_pv", "V", 500, 2027, null),
        // 2027, unknown BA: 200 MW of class unknown x other 0.5 x weight(V) 1.0 = 100 MW
        new("planned", "XXXX", "unknown", "V", 200, 2027, null),
        // 2028, PJM: status P has no weight: 0 MW
        new("planned", "PJM", "gas_combined_cycle", "P", 700, 2028, null),
        // 2025 is the base year, not after it: not counted
        new("planned", "PJM", "gas_combined_cycle", "V", 999, 2025, null),
        // 2028, PJM: retirement of 300 MW coal x 0.9 = -270 MW
        new("operating", "PJM", "coal", "OP", 300, null, 2028),
        // 2031 is after the horizon: not counted
        new("operating", "PJM", "coal", "OP", 400, null, 2031),
    ];
}
