using AiEnergyPipeline.Sources.Eia860m;
using static AiEnergyPipeline.Tests.Sources.Eia860m.VintageSamples;

namespace AiEnergyPipeline.Tests.Sources.Eia860m;

public class PlannedRealisationMeasureTests
{
    private static readonly GeneratorSheet Planned = GeneratorSheet.Planned;

    // January 2024: five units planned for 2024, one for 2025 (not in the cohort), one operating already.
    private static readonly GeneratorVintage Start = Vintage("2024-01",
        Unit(Planned, 1, "ON", 100, "V", planned: "2024-06"),
        Unit(Planned, 2, "SLIP", 50, "U", planned: "2024-09"),
        Unit(Planned, 3, "CN", 30, "T", planned: "2024-12"),
        Unit(Planned, 4, "GONE", 20.5, "P", planned: "2024-03"),
        Unit(Planned, 5, "BAT", 40, "V", planned: "2024-02", technology: "Batteries"),
        Unit(Planned, 6, "LATER", 500, "U", planned: "2025-06"),
        Unit(GeneratorSheet.Operating, 7, "OLD", 900, "OP", operating: "2010-01"));

    private static readonly GeneratorVintage End = Vintage("2025-01",
        Unit(GeneratorSheet.Operating, 1, "ON", 110, "OP", operating: "2024-07"),
        Unit(Planned, 2, "SLIP", 50, "V", planned: "2025-03"),
        Unit(GeneratorSheet.Canceled, 3, "CN", 30, "CN", planned: "2024-12"),
        Unit(GeneratorSheet.Retired, 5, "BAT", 40, "RE", operating: "2024-02"),
        Unit(Planned, 6, "LATER", 500, "U", planned: "2025-06"));

    [Fact]
    public void Measure_EveryOutcome_CountsEachUnitOnceAtItsStartingNameplate()
    {
        var rows = PlannedRealisationMeasure.Measure(Start, End, ClassOf);

        var all = rows.Single(r => r is { AccreditationClass: RealisationRow.All, StatusAtStart: RealisationRow.All });
        Assert.Equal((2024, 5, 240.5, 140.0, 50.0, 30.0, 20.5), (all.CohortYear, all.Units, all.PlannedMw, all.OnlineMw, all.SlippedMw, all.CanceledMw, all.VanishedMw));
        Assert.Equal(140 / 240.5, all.RealisationRate!.Value, 9);
        Assert.Equal(6.0, all.MeanSlipMonths);
        Assert.Equal(("2024-01", "2025-01"), (all.StartVintage, all.EndVintage));
    }

    [Fact]
    public void Measure_EveryRow_ReAddsAndHasARateBetweenZeroAndOne()
    {
        var rows = PlannedRealisationMeasure.Measure(Start, End, ClassOf);

        Assert.Contains(rows, r => r is { AccreditationClass: "solar_pv", StatusAtStart: "U" });
        Assert.Contains(rows, r => r is { AccreditationClass: RealisationRow.All, StatusAtStart: "V" } && r.PlannedMw == 140 && r.OnlineMw == 140);
        Assert.Contains(rows, r => r is { AccreditationClass: "battery_storage", StatusAtStart: RealisationRow.All } && r.RealisationRate == 1);
        Assert.All(rows, r =>
        {
            Assert.InRange(r.PlannedMw - (r.OnlineMw + r.SlippedMw + r.CanceledMw + r.VanishedMw), -0.001, 0.001);
            Assert.InRange(r.RealisationRate!.Value, 0, 1);
        });
        Assert.Equal(rows.Count, rows.Select(r => (r.AccreditationClass, r.StatusAtStart)).Distinct().Count());
    }

    [Fact]
    public void Measure_VintagesNotConsecutiveJanuaries_Throws()
    {
        Assert.Throws<ArgumentException>(() => PlannedRealisationMeasure.Measure(Start, Vintage("2026-01"), ClassOf));
        Assert.Throws<ArgumentException>(() => PlannedRealisationMeasure.Measure(Vintage("2024-02"), Vintage("2025-01"), ClassOf));
    }

    [Fact]
    public void Measure_NoUnitPlannedForTheYear_GivesOneEmptyTotalRowWithoutARate()
    {
        var row = Assert.Single(PlannedRealisationMeasure.Measure(Vintage("2024-01"), Vintage("2025-01"), ClassOf));

        Assert.Equal((0, 0.0, (double?)null), (row.Units, row.PlannedMw, row.RealisationRate));
    }
}
