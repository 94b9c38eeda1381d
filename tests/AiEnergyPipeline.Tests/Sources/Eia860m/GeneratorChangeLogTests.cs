using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.TestKit;
using static AiEnergyPipeline.Tests.Sources.Eia860m.VintageSamples;

namespace AiEnergyPipeline.Tests.Sources.Eia860m;

public sealed class GeneratorChangeLogTests : IDisposable
{
    private readonly string _work = Repository.NewTempFolder();

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Rows_UnchangedThenSlippedThenBuilt_OneStretchPerUnchangedRecord()
    {
        using var log = new GeneratorChangeLog(ClassOf, _work);
        log.Add(Vintage("2024-01", Unit(GeneratorSheet.Planned, 1, "A", 100, "U", planned: "2024-06")));
        log.Add(Vintage("2024-07", Unit(GeneratorSheet.Planned, 1, "A", 100, "U", planned: "2024-06")));
        log.Add(Vintage("2025-01", Unit(GeneratorSheet.Planned, 1, "A", 100, "V", planned: "2025-03")));
        log.Add(Vintage("2026-01", Unit(GeneratorSheet.Operating, 1, "A", 100, "OP", operating: "2025-04")));

        var rows = log.Rows().ToList();

        Assert.Equal(
            [("2024-01", "2024-07", "U", "2024-06"), ("2025-01", "2025-01", "V", "2025-03"), ("2026-01", "2026-01", "OP", "")],
            rows.Select(r => (r.ValidFromMonth, r.ValidUntilMonth, r.State.Status, r.State.PlannedOperationMonth)));
        Assert.All(rows, r => Assert.Equal("solar_pv", r.State.AccreditationClass));
    }

    [Fact]
    public void Rows_GeneratorMissingFromAVintage_EndsItsStretchAndStartsAnotherWhenBack()
    {
        using var log = new GeneratorChangeLog(ClassOf, _work);
        var unit = Unit(GeneratorSheet.Planned, 2, "B", 50, "P", planned: "2026-01");
        log.Add(Vintage("2024-01", unit));
        log.Add(Vintage("2025-01"));
        log.Add(Vintage("2026-01", unit));

        Assert.Equal([("2024-01", "2024-01"), ("2026-01", "2026-01")], log.Rows().Select(r => (r.ValidFromMonth, r.ValidUntilMonth)));
    }

    [Fact]
    public void Add_VintageNotAfterTheLast_Throws()
    {
        using var log = new GeneratorChangeLog(ClassOf, _work);
        log.Add(Vintage("2025-01"));

        Assert.Throws<ArgumentException>(() => log.Add(Vintage("2024-01")));
    }

    [Fact]
    public void Rows_EarlyVintageWithoutBalancingAuthorityColumn_IsNoChangeAndTakesTheLaterValue()
    {
        using var log = new GeneratorChangeLog(ClassOf, _work);
        log.Add(Vintage("2023-01", Unit(GeneratorSheet.Planned, 1, "A", 100, "U", planned: "2024-06", ba: ""), Unit(GeneratorSheet.Planned, 2, "B", 50, "U", planned: "2024-06", ba: "")));
        log.Add(Vintage("2024-01", Unit(GeneratorSheet.Planned, 1, "A", 100, "U", planned: "2024-06", ba: "SRP"), Unit(GeneratorSheet.Planned, 2, "B", 50, "U", planned: "2024-06", ba: "")));
        log.Add(Vintage("2025-01", Unit(GeneratorSheet.Planned, 1, "A", 100, "U", planned: "2024-06", ba: "AZPS")));

        var rows = log.Rows().ToList();

        // A: the 2023 layout had no column, so 2023 takes SRP; the change SRP to AZPS is real. B: an empty cell among filled ones is its value.
        Assert.Equal(
            [(1L, "2023-01", "2024-01", "SRP"), (1L, "2025-01", "2025-01", "AZPS"), (2L, "2023-01", "2024-01", "")],
            rows.Select(r => (r.PlantId, r.ValidFromMonth, r.ValidUntilMonth, r.State.BalancingAuthorityCode)));
    }

    [Fact]
    public void Rows_VintageWhoseNameplateWasNetSummer_IsNoChangeAndTakesTheLaterNameplate()
    {
        using var log = new GeneratorChangeLog(ClassOf, _work);
        // 2016-01 has no nameplate column: the workbook reader put net summer (95 MW) in its place.
        log.Add(Vintage("2016-01", Unit(GeneratorSheet.Operating, 1, "A", 100, "OP", operating: "2010-05") with { NameplateMw = 95, NetSummerMw = 95 }));
        log.Add(Vintage("2017-01", Unit(GeneratorSheet.Operating, 1, "A", 100, "OP", operating: "2010-05") with { NetSummerMw = 95 }));
        log.Add(Vintage("2018-01", Unit(GeneratorSheet.Operating, 1, "A", 110, "OP", operating: "2010-05") with { NetSummerMw = 95 }));

        var rows = log.Rows().ToList();

        // The 2016 layout is no re-rating; the uprate of 2018 is one.
        Assert.Equal(
            [("2016-01", "2017-01", 100.0), ("2018-01", "2018-01", 110.0)],
            rows.Select(r => (r.ValidFromMonth, r.ValidUntilMonth, r.State.NameplateMw)));
    }

    [Fact]
    public void Rows_MoreVintagesThanMaxRuns_EveryStretchInPlantGeneratorAndMonthOrder()
    {
        using var log = new GeneratorChangeLog(ClassOf, _work);
        var months = Enumerable.Range(0, (2 * GeneratorChangeLog.MaxRuns) + 5).Select(i => new DateOnly(2016, 1, 1).AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        for (var i = 0; i < months.Count; i++)
        {
            // Plant 3 slips every month, plant 2 never changes, plant 1 is listed every other month: each vintage closes stretches.
            var units = new List<GeneratorRecord>
            {
                Unit(GeneratorSheet.Planned, 3, "A", 10, "U", planned: months[i]),
                Unit(GeneratorSheet.Operating, 2, "B", 20, "OP", operating: "2010-01"),
            };
            if (i % 2 == 0)
            {
                units.Add(Unit(GeneratorSheet.Planned, 1, "C", 30, "P", planned: "2030-01"));
            }

            log.Add(Vintage(months[i], [.. units]));
        }

        var rows = log.Rows().ToList();

        var expected = months.Where((_, i) => i % 2 == 0).Select(m => (1L, m, m))
            .Append((2L, months[0], months[^1]))
            .Concat(months.Select(m => (3L, m, m)))
            .ToList();
        Assert.Equal(expected, rows.Select(r => (r.PlantId, r.ValidFromMonth, r.ValidUntilMonth)));
        Assert.Equal(months, rows.Where(r => r.PlantId == 3).Select(r => r.State.PlannedOperationMonth));
    }

    [Fact]
    public void Rows_GeneratorListedTwiceInOneVintage_KeepsBothInTheOrderRead()
    {
        using var log = new GeneratorChangeLog(ClassOf, _work);
        log.Add(Vintage("2024-01", Unit(GeneratorSheet.Planned, 1, "A", 100, "U", planned: "2024-06"), Unit(GeneratorSheet.Planned, 1, "A", 100, "V", planned: "2024-09")));

        Assert.Equal([("U", "2024-06"), ("V", "2024-09")], log.Rows().Select(r => (r.State.Status, r.State.PlannedOperationMonth)));
    }

    [Fact]
    public void Dispose_AfterClosedStretches_LeavesNothingInTheWorkDirectory()
    {
        var log = new GeneratorChangeLog(ClassOf, _work);
        log.Add(Vintage("2024-01", Unit(GeneratorSheet.Planned, 1, "A", 100, "U", planned: "2024-06")));
        log.Add(Vintage("2025-01"));
        Assert.NotEmpty(Directory.EnumerateFiles(_work, "*", SearchOption.AllDirectories));

        log.Dispose();

        Assert.Empty(Directory.EnumerateFileSystemEntries(_work));
    }
}
