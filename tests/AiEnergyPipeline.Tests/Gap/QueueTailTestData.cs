using AiEnergyPipeline.Gap;

namespace AiEnergyPipeline.Tests.Gap;

/// <summary>
/// A hand-worked queue supply tail: EIA-860M's planned units reach 2026, the model runs 2025-2028,
/// so the tail covers 2027 and 2028. Settings and regions are those of <see cref="GapTestData"/>.
/// </summary>
internal static class QueueTailTestData
{
    public static IReadOnlyList<GeneratorUnit> Units { get; } =
    [
        // 2026, PJM, NJ: 1000 MW gas CC x 0.8 x weight(U) 0.5 = 400 MW
        new("planned", "PJM", "gas_combined_cycle", "U", 1000, 2026, null, "NJ", 1),
        // 2026, ERCO, TX: a 500 MW solar plant of two 250 MW units x 0.1 x weight(V) 1.0 = 50 MW
        new("planned", "ERCO", "solar_pv", "V", 250, 2026, null, "TX", 2),
        new("planned", "ERCO", "solar_pv", "V", 250, 2026, null, "TX", 2),
    ];

    public static IReadOnlyList<QueueTailProject> Projects { get; } =
    [
        // Matches the NJ gas unit (state, class, 1000 MW, 2027 within a year of 2026): left out.
        new("PJM", "NJ", "gas_combined_cycle", 1000, 2027, "2020"),
        // No unit in PA: added at PJM gas 2020's rate 0.25: 500 x 0.8 x 0.25 = 100 MW in 2028 (MIDA).
        new("PJM", "PA", "gas_combined_cycle", 500, 2028, "2020"),
        // 480 MW is within 10% of the TX plant's 500 MW (two units): left out.
        new("ERCOT", "TX", "solar_pv", 480, 2027, "2021"),
        // 2026 is within EIA-860M's years: not the tail's.
        new("PJM", "PA", "gas_combined_cycle", 400, 2026, "2020"),
        // No state: checked by queue (ERCOT = ERCO), 300 MW matches no unit; cohort 2023 has 3 resolved,
        // so ERCOT solar pooled: (500 + 100) / (500 + 100 + 500 + 100) = 0.5: 300 x 0.1 x 0.5 = 15 MW in 2027 (TEX).
        new("ERCOT", "", "solar_pv", 300, 2027, "2023"),
        // No state and a queue outside the ISOs: cannot be checked against EIA-860M, left out.
        new("Some Utility", "", "solar_pv", 100, 2027, "2022"),
        // No NYISO rates at all: left out.
        new("NYISO", "NY", "nuclear", 300, 2028, "2021"),
    ];

    public static IReadOnlyList<QueueTailRate> Rates { get; } =
    [
        new("PJM", "gas_combined_cycle", "2020", 8, 800, 4, 2400, 0.25),
        new("ERCOT", "solar_pv", "2019", 5, 500, 5, 500, 0.5),
        new("ERCOT", "solar_pv", "2023", 1, 100, 2, 100, 0.5),
    ];

    public static QueueTailInputs Queues { get; } = new(Projects, Rates, []);

    public static GapInputs Inputs(QueueTailInputs? queues) => GapTestData.Inputs(generators: Units) with { QueueTail = queues };

    public static GapSettings On { get; } = GapTestData.Settings() with { AddQueueTail = true };
}
