using AiEnergyPipeline.Sources.Eia860m;
using static AiEnergyPipeline.Tests.Sources.Eia860m.VintageSamples;

namespace AiEnergyPipeline.Tests.Sources.Eia860m;

public class GeneratorChangeLogTests
{
    [Fact]
    public void Rows_UnchangedThenSlippedThenBuilt_OneStretchPerUnchangedRecord()
    {
        var log = new GeneratorChangeLog(ClassOf);
        log.Add(Vintage("2024-01", Unit(GeneratorSheet.Planned, 1, "A", 100, "U", planned: "2024-06")));
        log.Add(Vintage("2024-07", Unit(GeneratorSheet.Planned, 1, "A", 100, "U", planned: "2024-06")));
        log.Add(Vintage("2025-01", Unit(GeneratorSheet.Planned, 1, "A", 100, "V", planned: "2025-03")));
        log.Add(Vintage("2026-01", Unit(GeneratorSheet.Operating, 1, "A", 100, "OP", operating: "2025-04")));

        var rows = log.Rows();

        Assert.Equal(
            [("2024-01", "2024-07", "U", "2024-06"), ("2025-01", "2025-01", "V", "2025-03"), ("2026-01", "2026-01", "OP", "")],
            rows.Select(r => (r.ValidFromMonth, r.ValidUntilMonth, r.State.Status, r.State.PlannedOperationMonth)));
        Assert.All(rows, r => Assert.Equal("solar_pv", r.State.AccreditationClass));
    }

    [Fact]
    public void Rows_GeneratorMissingFromAVintage_EndsItsStretchAndStartsAnotherWhenBack()
    {
        var log = new GeneratorChangeLog(ClassOf);
        var unit = Unit(GeneratorSheet.Planned, 2, "B", 50, "P", planned: "2026-01");
        log.Add(Vintage("2024-01", unit));
        log.Add(Vintage("2025-01"));
        log.Add(Vintage("2026-01", unit));

        Assert.Equal([("2024-01", "2024-01"), ("2026-01", "2026-01")], log.Rows().Select(r => (r.ValidFromMonth, r.ValidUntilMonth)));
    }

    [Fact]
    public void Add_VintageNotAfterTheLast_Throws()
    {
        var log = new GeneratorChangeLog(ClassOf);
        log.Add(Vintage("2025-01"));

        Assert.Throws<ArgumentException>(() => log.Add(Vintage("2024-01")));
    }

    [Fact]
    public void Rows_EarlyVintageWithoutBalancingAuthorityColumn_IsNoChangeAndTakesTheLaterValue()
    {
        var log = new GeneratorChangeLog(ClassOf);
        log.Add(Vintage("2023-01", Unit(GeneratorSheet.Planned, 1, "A", 100, "U", planned: "2024-06", ba: ""), Unit(GeneratorSheet.Planned, 2, "B", 50, "U", planned: "2024-06", ba: "")));
        log.Add(Vintage("2024-01", Unit(GeneratorSheet.Planned, 1, "A", 100, "U", planned: "2024-06", ba: "SRP"), Unit(GeneratorSheet.Planned, 2, "B", 50, "U", planned: "2024-06", ba: "")));
        log.Add(Vintage("2025-01", Unit(GeneratorSheet.Planned, 1, "A", 100, "U", planned: "2024-06", ba: "AZPS")));

        var rows = log.Rows();

        // A: the 2023 layout had no column, so 2023 takes SRP; the change SRP to AZPS is real. B: an empty cell among filled ones is its value.
        Assert.Equal(
            [(1L, "2023-01", "2024-01", "SRP"), (1L, "2025-01", "2025-01", "AZPS"), (2L, "2023-01", "2024-01", "")],
            rows.Select(r => (r.PlantId, r.ValidFromMonth, r.ValidUntilMonth, r.State.BalancingAuthorityCode)));
    }
}
