using AiEnergyPipeline.Sources.Eia860m;
using static AiEnergyPipeline.Tests.Sources.Eia860m.VintageSamples;

namespace AiEnergyPipeline.Tests.Sources.Eia860m;

public class PlannedVsBuiltTests
{
    [Fact]
    public void Rows_YearWithAVintageAfterIt_IsCompleteAndYearWithoutIsReadFromTheNewest()
    {
        var table = new PlannedVsBuilt(ClassOf);
        table.Add(Vintage("2024-01",
            Unit(GeneratorSheet.Planned, 1, "A", 100, "V", planned: "2024-06"),
            Unit(GeneratorSheet.Planned, 2, "B", 40, "U", planned: "2024-09", technology: "Batteries")));
        table.Add(Vintage("2025-01",
            Unit(GeneratorSheet.Operating, 1, "A", 100, "OP", operating: "2024-06"),
            Unit(GeneratorSheet.Operating, 3, "C", 25, "OP", operating: "2024-11", technology: "Batteries"),
            Unit(GeneratorSheet.Planned, 2, "B", 40, "U", planned: "2025-04", technology: "Batteries")));
        table.Add(Vintage("2025-07",
            Unit(GeneratorSheet.Operating, 2, "B", 40, "OP", operating: "2025-04", technology: "Batteries")));

        var rows = table.Rows();

        Assert.Equal(
            [
                (2024, "battery_storage", 0.04, (double?)0.025, "2025-01", true),
                (2024, "solar_pv", 0.1, 0.1, "2025-01", true),
                (2024, "all", 0.14, 0.125, "2025-01", true),
                (2025, "battery_storage", 0.04, 0.04, "2025-07", false),
                (2025, "all", 0.04, 0.04, "2025-07", false),
            ],
            rows.Select(r => (r.Year, r.AccreditationClass, Math.Round(r.PlannedGw, 9), r.BuiltGw is { } b ? Math.Round(b, 9) : (double?)null, r.BuiltVintage, r.YearComplete)));
    }

    [Fact]
    public void Rows_OnlyTheJanuaryVintage_LeavesBuiltEmpty()
    {
        var table = new PlannedVsBuilt(ClassOf);
        table.Add(Vintage("2026-01", Unit(GeneratorSheet.Planned, 1, "A", 100, "V", planned: "2026-06")));

        Assert.All(table.Rows(), r => Assert.Equal((null, "", false), (r.BuiltGw, r.BuiltVintage, r.YearComplete)));
    }
}
