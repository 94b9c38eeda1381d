using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.TestKit;
using static AiEnergyPipeline.Sources.Eia860m.Eia860mWorkbook;
using static AiEnergyPipeline.Tests.Sources.Eia860m.Eia860mSamples;

namespace AiEnergyPipeline.Tests.Sources.Eia860m;

/// <summary>
/// Workbooks in the header layouts of several years, as PUDL's column maps record them
/// (generator_proposed.csv, generator_existing.csv, generator_retired.csv).
/// </summary>
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

    [Theory]
    [InlineData("august_generator2015.xlsx", 95.0, 240.0, false, false)]
    [InlineData("february_generator2016.xlsx", 95.0, 240.0, true, false)]
    [InlineData("may_generator2016.xlsx", 100.5, 250.0, true, false)]
    [InlineData("january_generator2017.xlsx", 100.5, 250.0, true, true)]
    public void Read_OperatingAndRetiredSheetsInTheLayoutOfTheirMonth_ReadsEveryRow(string fileName, double operatingMw, double retiredMw, bool located, bool balancingAuthority)
    {
        var month = fileName[..fileName.IndexOf('_', StringComparison.Ordinal)];
        var sheets = Workbook();
        sheets[0] = SheetOf("Operating", OperatingLayout(month), [Operating(61001, "GT1")], renames: month == "august" ? SectorName : null);
        sheets[1] = SheetOf("Planned", PlannedLayout(month), [Planned(61004, "SHS3")], renames: month == "august" ? SectorName : null);
        sheets[2] = SheetOf("Retired", RetiredLayout(month), [RetiredUnit], above: [["Retired Generators"]], renames: month == "august" ? SectorName : null);

        var (records, quarantined, _) = Read(WriteAs(fileName, sheets));

        Assert.Empty(quarantined);
        var operating = records.Single(r => r.Sheet == GeneratorSheet.Operating);
        var retired = records.Single(r => r.Sheet == GeneratorSheet.Retired);
        Assert.Equal((61001L, "GT1", operatingMw, (double?)95.0, "OP", "2012-06"), (operating.PlantId, operating.GeneratorId, operating.NameplateMw, operating.NetSummerMw, operating.Status, operating.OperatingMonth));
        Assert.Equal((61003L, "03", retiredMw, (double?)240.0, "RE", "2025-05"), (retired.PlantId, retired.GeneratorId, retired.NameplateMw, retired.NetSummerMw, retired.Status, retired.RetirementMonth));
        Assert.Equal(located ? ("Ector", 31.87) : ("", (double?)null), (operating.County, operating.Latitude));
        Assert.Equal(located ? ("Jefferson", 38.2) : ("", (double?)null), (retired.County, retired.Latitude));
        Assert.Equal(balancingAuthority ? ("ERCO", "LGEE", (double?)98.0, (double?)245.0) : ("", "", null, null), (operating.BalancingAuthorityCode, retired.BalancingAuthorityCode, operating.NetWinterMw, retired.NetWinterMw));
        Assert.Equal("IPP Non-CHP", operating.Sector);
    }

    [Theory]
    [InlineData("Operating")]
    [InlineData("Retired")]
    public void Read_SheetOf2017WithoutNameplate_FailsNamingTheMissingColumn(string sheet)
    {
        var sheets = Workbook();
        var index = Array.FindIndex(sheets, s => s.Name == sheet);
        sheets[index] = SheetOf(sheet, (sheet == "Operating" ? OperatingLayout("february") : RetiredLayout("february")), []);

        var e = Assert.Throws<SourceException>(() => Read(WriteAs("january_generator2017.xlsx", sheets)));

        Assert.Equal($"eia860m: january_generator2017.xlsx: sheet '{sheet}': required column missing: '{Nameplate}'.", e.Message);
    }

    [Fact]
    public void Read_CanceledSheetOf2016WithoutNameplate_FailsForPudlMapsNoHistoryOfThatSheet()
    {
        var sheets = Workbook();
        sheets[3] = SheetOf("Canceled or Postponed", CanceledHeader.Where(h => h != Nameplate).ToArray(), []);

        var e = Assert.Throws<SourceException>(() => Read(WriteAs("february_generator2016.xlsx", sheets)));

        Assert.Contains($"sheet 'Canceled or Postponed': required column missing: '{Nameplate}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsenceOf_NameplateOnPlannedSheet_IsAbsentThroughMarch2016Only()
    {
        Assert.Equal(NetSummer, Eia860mColumnHistory.AbsenceOf(GeneratorSheet.Planned, Nameplate, "2016-03")?.StandIn);
        Assert.Null(Eia860mColumnHistory.AbsenceOf(GeneratorSheet.Planned, Nameplate, "2016-04"));
        Assert.All(Eia860mColumnHistory.Absences, a => Assert.Contains("PUDL", a.Source, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("operating")]
    [InlineData("planned")]
    [InlineData("retired")]
    public void AbsenceOf_EarlyColumnsOfEachMappedSheet_FollowPudlsMaps(string sheetName)
    {
        var sheet = GeneratorSheet.All.Single(s => s.Name == sheetName);

        Assert.Equal(NetSummer, Eia860mColumnHistory.AbsenceOf(sheet, Nameplate, "2015-08")?.StandIn);
        Assert.Null(Eia860mColumnHistory.AbsenceOf(sheet, Nameplate, "2016-04"));
        Assert.NotNull(Eia860mColumnHistory.AbsenceOf(sheet, County, "2015-11"));
        Assert.Null(Eia860mColumnHistory.AbsenceOf(sheet, County, "2015-12"));
        Assert.NotNull(Eia860mColumnHistory.AbsenceOf(sheet, BalancingAuthority, "2016-06"));
        Assert.Null(Eia860mColumnHistory.AbsenceOf(sheet, BalancingAuthority, "2016-07"));
    }

    [Fact]
    public void AbsenceOf_CanceledSheet_HasNoHistoryBecausePudlMapsNone() =>
        Assert.DoesNotContain(Eia860mColumnHistory.Absences, a => a.Sheet == GeneratorSheet.Canceled.Name);

    private static readonly Dictionary<string, string> SectorName = new() { [Sector] = "Sector Name" };

    private static readonly Dictionary<string, object?> RetiredUnit = Retired(61003, "03",
        (NetSummer, 240.0), (NetWinter, 245.0), (County, "Jefferson"), (BalancingAuthority, "LGEE"), (Latitude, 38.2), (Longitude, -85.9));

    /// <summary>
    /// The operating sheet's header in a month, after PUDL's generator_existing.csv: from 2016-07 as
    /// now (less the unit code of 2017-05 and the storage columns of 2022); 2016-04 to 2016-06 without
    /// net winter capacity and balancing authority; 2015-12 to 2016-03 without nameplate capacity
    /// either; 2015-07 to 2015-11 without county, latitude and longitude besides (and Sector Name).
    /// </summary>
    private static string[] OperatingLayout(string month) =>
        Early(OperatingHeader.Where(h => h is not ("Unit Code" or "Nameplate Energy Capacity (MWh)" or "DC Net Capacity (MW)")), month);

    /// <summary>The retired sheet's header in a month, after PUDL's generator_retired.csv: the same periods as the operating sheet's.</summary>
    private static string[] RetiredLayout(string month) => Early(RetiredHeader.Where(h => h is not "Unit Code"), month);

    private static string[] PlannedLayout(string month) => month switch
    {
        "august" => PlannedHeader2015,
        "february" => PlannedHeader2016,
        _ => Early(PlannedHeader.Where(h => h is not ("Unit Code" or "Nameplate Energy Capacity (MWh)" or "DC Net Capacity (MW)")), month),
    };

    private static string[] Early(IEnumerable<string> header, string month)
    {
        string[] dropped = month switch
        {
            "august" => [Nameplate, NetWinter, BalancingAuthority, County, Latitude, Longitude],
            "february" => [Nameplate, NetWinter, BalancingAuthority],
            "may" => [NetWinter, BalancingAuthority],
            _ => [],
        };
        return header.Where(h => !dropped.Contains(h)).ToArray();
    }

    private static Sheet[] LayoutWithPlanned(string[] plannedHeader, IReadOnlyDictionary<string, string>? renames)
    {
        var sheets = Workbook(operating: [Operating(61001, 1.0)], canceled: [Canceled(61005, "PW3")]);
        sheets[1] = SheetOf("Planned", plannedHeader, PlannedRows, renames: renames);
        return sheets;
    }
}
