using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.TestKit;
using static AiEnergyPipeline.Sources.Eia860m.Eia860mWorkbook;
using static AiEnergyPipeline.Tests.Sources.Eia860m.Eia860mSamples;

namespace AiEnergyPipeline.Tests.Sources.Eia860m;

/// <summary>Workbooks in the header layouts of several years, as PUDL's column maps record them (generator_proposed.csv).</summary>
public class Eia860mColumnHistoryTests
{
    // The planned sheet of 2016-01 to 2016-03: no nameplate, balancing authority, net winter or unit code column.
    private static readonly string[] PlannedHeader2016 = PlannedHeader.Where(h => h is not (Nameplate or BalancingAuthority or NetWinter or "Unit Code")).ToArray();

    // The planned sheet of 2015-07 to 2015-11: besides, no county, latitude or longitude, and Sector Name for Sector.
    private static readonly string[] PlannedHeader2015 = PlannedHeader2016.Where(h => h is not (County or Latitude or Longitude)).ToArray();

    private static readonly Dictionary<string, object?>[] PlannedRows =
        [Planned(61004, "SHS3", (Nameplate, null), (NetSummer, 180.0)), Planned(61005, "PW2", (Nameplate, null), (NetSummer, 300.0))];

    [Fact]
    public void Read_PlannedSheetOfJanuary2016WithoutNameplate_ReadsNetSummerAsNameplate()
    {
        var path = WriteAs("january_generator2016.xlsx", LayoutWithPlanned(PlannedHeader2016, null));

        var (records, quarantined, _) = Read(path);

        Assert.Empty(quarantined);
        Assert.Equal([("SHS3", 180.0), ("PW2", 300.0)], records.Where(r => r.Sheet == GeneratorSheet.Planned).Select(r => (r.GeneratorId, r.NameplateMw)));
        Assert.All(records.Where(r => r.Sheet == GeneratorSheet.Planned), r => Assert.Equal("", r.BalancingAuthorityCode));
    }

    [Fact]
    public void Read_PlannedSheetOfNovember2015WithSectorNameAndNoCounty_ReadsTheRowsByTheirNames()
    {
        var path = WriteAs("november_generator2015.xlsx", LayoutWithPlanned(PlannedHeader2015, new Dictionary<string, string> { [Sector] = "Sector Name" }));

        var (records, quarantined, _) = Read(path);

        Assert.Empty(quarantined);
        var planned = records.Where(r => r.Sheet == GeneratorSheet.Planned).ToList();
        Assert.Equal([180.0, 300.0], planned.Select(r => r.NameplateMw));
        Assert.All(planned, r => Assert.Equal(("", null), (r.County, r.Latitude)));
    }

    [Fact]
    public void Read_PlannedSheetOf2020WithoutNameplate_FailsNamingTheMissingColumn()
    {
        var path = WriteAs("january_generator2020.xlsx", LayoutWithPlanned(PlannedHeader2016, null));

        var e = Assert.Throws<SourceException>(() => Read(path));

        Assert.Contains("sheet 'Planned'", e.Message, StringComparison.Ordinal);
        Assert.Contains(Nameplate, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsenceOf_NameplateOnPlannedSheet_IsAbsentThroughMarch2016Only()
    {
        Assert.Equal(NetSummer, Eia860mColumnHistory.AbsenceOf(GeneratorSheet.Planned, Nameplate, "2016-03")?.StandIn);
        Assert.Null(Eia860mColumnHistory.AbsenceOf(GeneratorSheet.Planned, Nameplate, "2016-04"));
        Assert.Null(Eia860mColumnHistory.AbsenceOf(GeneratorSheet.Operating, Nameplate, "2015-08"));
        Assert.All(Eia860mColumnHistory.Absences, a => Assert.Contains("PUDL", a.Source, StringComparison.Ordinal));
    }

    private static Sheet[] LayoutWithPlanned(string[] plannedHeader, IReadOnlyDictionary<string, string>? renames)
    {
        var sheets = Workbook(operating: [Operating(61001, 1.0)], canceled: [Canceled(61005, "PW3")]);
        sheets[1] = SheetOf("Planned", plannedHeader, PlannedRows, renames: renames);
        return sheets;
    }
}
