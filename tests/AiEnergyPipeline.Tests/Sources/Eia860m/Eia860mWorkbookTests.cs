using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.TestKit;
using static AiEnergyPipeline.Sources.Eia860m.Eia860mWorkbook;
using static AiEnergyPipeline.Tests.Sources.Eia860m.Eia860mSamples;

namespace AiEnergyPipeline.Tests.Sources.Eia860m;

public class Eia860mWorkbookTests
{
    [Fact]
    public void Read_TitleRowsAboveAndNotesBelow_ReadsEveryGeneratorAndSkipsNotesCountingThem()
    {
        var path = Write(Workbook(
            operating: [Operating(61001, 1.0), Operating(61001, 2.0)],
            planned: [Planned(61004, "SHS3")],
            retired: [Retired(61003, "03")],
            canceled: [Canceled(61005, "PW3")]));

        var (records, quarantined, counts) = Read(path);

        Assert.Empty(quarantined);
        Assert.Equal(
            [("operating", 61001L, "1"), ("operating", 61001L, "2"), ("planned", 61004L, "SHS3"), ("retired", 61003L, "03"), ("canceled", 61005L, "PW3")],
            records.Select(r => (r.Sheet.Name, r.PlantId, r.GeneratorId)));
        Assert.Equal((5L, 12L), (counts.DataRows, counts.NoteRows));
        // Two title rows, then the header in row 3: the first generator is row 4.
        Assert.Equal(4, records[0].Row);
        Assert.All(records, r => Assert.Equal("2026-08", r.ReportMonth));
    }

    [Fact]
    public void Read_OperatingRow_KeepsEveryFieldWithMonthsAsYearMonth()
    {
        var path = Write(Workbook(operating: [Operating(61002, "GT1", (PlannedRetirementMonth, 12.0), (PlannedRetirementYear, 2028.0), (NetWinter, " "), (PlantName, "Cedar Ridge\nEnergy  Center"))]));

        var record = Assert.Single(Read(path).Records);

        Assert.Equal(
            ("Cedar Ridge Energy Center", "TX", "Ector", "ERCO", "IPP Non-CHP", "Natural Gas Fired Combustion Turbine", "NG", "GT", "OP"),
            (record.PlantName, record.State, record.County, record.BalancingAuthorityCode, record.Sector, record.Technology, record.EnergySourceCode, record.PrimeMoverCode, record.Status));
        Assert.Equal((100.5, 95.0, (double?)null), (record.NameplateMw, record.NetSummerMw, record.NetWinterMw));
        Assert.Equal(("2012-06", "", "2028-12", ""), (record.OperatingMonth, record.PlannedOperationMonth, record.PlannedRetirementMonth, record.RetirementMonth));
        Assert.Equal((31.87, -102.43), (record.Latitude, record.Longitude));
    }

    [Fact]
    public void Read_PlannedAndRetiredRows_TakeTheirSheetsDates()
    {
        var path = Write(Workbook(planned: [Planned(61004, "SHS3", (PlannedOperationMonth, 3.0), (PlannedOperationYear, 2029.0))], retired: [Retired(61003, "03")]));

        var records = Read(path).Records;

        Assert.Equal("2029-03", records[0].PlannedOperationMonth);
        Assert.Equal(("2025-05", "1959-01"), (records[1].RetirementMonth, records[1].OperatingMonth));
    }

    [Fact]
    public void Read_RenamedAndReorderedColumns_AreFoundByTheirAliases()
    {
        var renames = new Dictionary<string, string>
        {
            [PlantId] = "Plant Code",
            [Nameplate] = "Nameplate Capacity MW",
            [GeneratorId] = "Generator Code",
            [State] = "State",
            [BalancingAuthority] = "BA Code",
            [PlannedOperationMonth] = "Planned Month",
            [PlannedOperationYear] = "Planned Year",
            [NetSummer] = "net_summer_capacity_mw",
        };
        var operating = SheetOf("Operating", Enumerable.Reverse(OperatingHeader).ToArray(), [Operating(61001, "GT1")], renames: renames);
        var planned = SheetOf("Planned", Enumerable.Reverse(PlannedHeader).Append("A Column EIA Added In 2027").ToArray(), [Planned(61004, "SHS3")], renames: renames);
        var sheets = Workbook();
        sheets[0] = operating;
        sheets[1] = planned;

        var (records, quarantined, _) = Read(Write(sheets));

        Assert.Empty(quarantined);
        Assert.Equal(
            [(61001L, "GT1", 100.5, (double?)95.0, "TX", "ERCO", ""), (61004L, "SHS3", 200.0, 200.0, "AZ", "AZPS", "2027-11")],
            records.Select(r => (r.PlantId, r.GeneratorId, r.NameplateMw, r.NetSummerMw, r.State, r.BalancingAuthorityCode, r.PlannedOperationMonth)));
    }

    [Fact]
    public void Read_OneTitleRowOrNone_FindsTheHeaderByItsCells()
    {
        var sheets = Workbook(operating: [Operating(1, "A")]);
        sheets[0] = SheetOf("Operating", OperatingHeader, [Operating(1, "A")], above: []);
        sheets[1] = SheetOf("Planned", PlannedHeader, [Planned(2, "B")], above: [["Planned Generators as of August 2026"]]);

        var records = Read(Write(sheets)).Records;

        Assert.Equal([(2, "A"), (3, "B")], records.Select(r => (r.Row, r.GeneratorId)));
    }

    [Fact]
    public void Read_HtmlPageSavedUnderTheWorkbooksName_FailsNamingTheFile()
    {
        var path = Path.Combine(Repository.NewTempFolder(), FileName);
        File.WriteAllText(path, "<!DOCTYPE html><html><head><title>EIA - Page not found</title></head><body>Sorry</body></html>");

        var error = Assert.Throws<SourceException>(() => Read(path));

        Assert.False(AiEnergyPipeline.Tabular.Workbook.IsXlsxFile(path));
        Assert.Equal(("eia860m", FileName), (error.SourceName, error.File));
        Assert.Contains("not an .xlsx workbook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingSheet_FailsNamingIt()
    {
        var sheets = Workbook().Where(s => s.Name != "Retired").ToArray();

        var error = Assert.Throws<SourceException>(() => Read(Write(sheets)));

        Assert.Contains("sheet 'Retired' is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Puerto Rico'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SheetNamesInAnotherCaseAndPuertoRicoSheets_FindsTheFourAndIgnoresPuertoRico()
    {
        var sheets = Workbook(operating: [Operating(1, "A")], canceled: [Canceled(4, "D")])
            .Select(s => s with { Name = s.Name.ToUpperInvariant() })
            .Append(SheetOf("Operating_PR", OperatingHeader, [Operating(99502, "1", (State, "PR"))]))
            .ToArray();

        var records = Read(Write(sheets)).Records;

        Assert.Equal([(1L, "operating"), (4L, "canceled")], records.Select(r => (r.PlantId, r.Sheet.Name)));
    }

    [Theory]
    [InlineData("Operating", PlantId)]
    [InlineData("Operating", Status)]
    [InlineData("Planned", PlannedOperationYear)]
    [InlineData("Retired", RetirementMonth)]
    [InlineData("Canceled or Postponed", Nameplate)]
    public void Read_RequiredColumnMissing_FailsNamingColumnAndSheet(string sheet, string column)
    {
        var sheets = Workbook().Select(s => s.Name != sheet ? s : s with { Rows = Without(s.Rows, column) }).ToArray();

        var error = Assert.Throws<SourceException>(() => Read(Write(sheets)));

        Assert.Equal($"eia860m: {FileName}: sheet '{sheet}': required column missing: '{column}'.", error.Message);
    }

    [Theory]
    [InlineData(Nameplate, null, "'Nameplate Capacity (MW)' is empty")]
    [InlineData(Nameplate, "n/a", "'Nameplate Capacity (MW)' value 'n/a' is not a number")]
    [InlineData(Nameplate, -5.0, "'Nameplate Capacity (MW)' value -5 is outside 0 to 100000")]
    [InlineData(NetWinter, "unknown", "'Net Winter Capacity (MW)' value 'unknown' is not a number")]
    [InlineData(PlantId, "ABC", "'Plant ID' value 'ABC' is not a plant code")]
    [InlineData(PlantId, null, "'Plant ID' is empty")]
    [InlineData(GeneratorId, " ", "'Generator ID' is empty")]
    [InlineData(State, null, "'Plant State' is empty")]
    [InlineData(Status, null, "'Status' is empty")]
    [InlineData(Status, "Running fine", "'Status' value 'Running fine' is not an EIA status code")]
    [InlineData(OperatingMonth, 13.0, "'Operating Month' value '13' is not a month (1-12)")]
    [InlineData(OperatingYear, null, "'Operating Year' is empty while 'Operating Month' is 6")]
    [InlineData(Latitude, 231.87, "'Latitude' value 231.87 is outside -90 to 90")]
    public void Read_BlankOrMalformedCell_QuarantinesTheRowWithSheetAndRow(string column, object? value, string reason)
    {
        var path = Write(Workbook(operating: [Operating(61001, "1"), Operating(61001, "2", (column, value)), Operating(61001, "3")]));

        var (records, quarantined, counts) = Read(path);

        Assert.Equal(["1", "3"], records.Select(r => r.GeneratorId));
        var row = Assert.Single(quarantined);
        Assert.Equal(("eia860m", FileName, "raw/eia860m/abc.xlsx", 5L), (row.Source, row.File, row.RawPath, row.Line));
        Assert.Equal($"sheet 'Operating' row 5: {reason}", row.Reason);
        Assert.Contains("Test Power LLC", row.Excerpt, StringComparison.Ordinal);
        Assert.Equal(3, counts.DataRows);
    }

    [Fact]
    public void Read_PlannedRowWithoutPlannedOperationDate_IsQuarantined()
    {
        var path = Write(Workbook(planned: [Planned(7, "X", (PlannedOperationMonth, null), (PlannedOperationYear, null))]));

        var (records, quarantined, _) = Read(path);

        Assert.Empty(records);
        Assert.Equal("sheet 'Planned' row 4: 'Planned Operation Month' and 'Planned Operation Year' are empty", Assert.Single(quarantined).Reason);
    }

    [Fact]
    public void Read_NoteRowWithTextInThePlantIdColumn_IsSkippedNotQuarantined()
    {
        var note = new Dictionary<string, object?> { [PlantId] = "See notes below" };
        var path = Write(Workbook(operating: [Operating(1, "A"), note, Operating(2, "B")]));

        var (records, quarantined, counts) = Read(path);

        Assert.Empty(quarantined);
        Assert.Equal(2, records.Count);
        Assert.Equal((2L, 13L), (counts.DataRows, counts.NoteRows));
    }

    [Fact]
    public void Read_DuplicateKey_QuarantinesTheLaterRowNamingTheFirst()
    {
        var path = Write(Workbook(
            operating: [Operating(61001, "GT1"), Operating(61001, "GT1", (Nameplate, 90.0))],
            retired: [Retired(61001, "GT1")]));

        var (records, quarantined, _) = Read(path);

        var kept = Assert.Single(records);
        Assert.Equal((100.5, "operating"), (kept.NameplateMw, kept.Sheet.Name));
        Assert.Equal(
            [
                "sheet 'Operating' row 5: duplicate of sheet 'Operating' row 4: plant 61001 generator 'GT1'",
                "sheet 'Retired' row 3: duplicate of sheet 'Operating' row 4: plant 61001 generator 'GT1'",
            ],
            quarantined.Select(q => q.Reason));
    }

    [Fact]
    public void Read_GeneratorIds_AreKeptAsWrittenAndNumericCellsLoseTheirDecimals()
    {
        var path = Write(Workbook(operating: [Operating(3, 1.0), Operating(3, "01"), Operating(3, "1 "), Operating(3, "GT1"), Operating(3, 2.5)]));

        var (records, quarantined, _) = Read(path);

        Assert.Equal(["1", "01", "GT1", "2.5"], records.Select(r => r.GeneratorId));
        Assert.Contains("duplicate of sheet 'Operating' row 4", Assert.Single(quarantined).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StatusCells_BecomeTheirCodes()
    {
        var path = Write(Workbook(
            operating: [Operating(1, "A", (Status, "(SB) Standby/Backup: available for service but not normally used")), Operating(1, "B", (Status, "OP")), Operating(1, "C", (Status, "(oa) Out of service but expected to return"))],
            planned: [Planned(2, "A", (Status, "(TS) Construction complete, but not yet in commercial operation")), Planned(2, "B", (Status, "(V) Under construction, more than 50 percent complete")), Planned(2, "C", (Status, "OT"))],
            retired: [Retired(3, "A")],
            canceled: [Canceled(4, "A"), Canceled(4, "B", (Status, "(IP) Indefinitely postponed"))]));

        var records = Read(path).Records;

        Assert.Equal(["SB", "OP", "OA", "TS", "V", "OT", "RE", "CN", "IP"], records.Select(r => r.Status));
    }

    [Theory]
    [InlineData("(OP) Operating", "OP")]
    [InlineData("OP", "OP")]
    [InlineData(" (P) Planned for installation but regulatory approvals not initiated", "P")]
    [InlineData("(L) Regulatory approvals pending. Not under construction", "L")]
    [InlineData("(T) Regulatory approvals received. Not under construction", "T")]
    [InlineData("(U) Under construction, less than or equal to 50 percent complete", "U")]
    [InlineData("V - Under construction, more than 50 percent complete", "V")]
    [InlineData("(TS) Construction complete, but not yet in commercial operation", "TS")]
    [InlineData("(OT) Other", "OT")]
    [InlineData("(OS) Out of service and NOT expected to return to service in next calendar year", "OS")]
    [InlineData("Operating", null)]
    [InlineData("(XX) Something new", null)]
    [InlineData("", null)]
    public void CodeOf_StatusCell_IsTheCodeItStartsWith(string text, string? code) =>
        Assert.Equal(code, Eia860mStatus.CodeOf(text));

    [Theory]
    [InlineData("august_generator2026.xlsx", "2026-08")]
    [InlineData("January_generator2025.xlsx", "2025-01")]
    [InlineData("december_generator2024 (1).xlsx", "2024-12")]
    public void ReportMonth_WorkbookName_GivesItsMonth(string fileName, string month) =>
        Assert.Equal(month, ReportMonth(TestFiles.Fetched("eia860m", fileName)));

    [Fact]
    public void ReportMonth_NameWithoutAMonth_FailsSayingWhatItExpects()
    {
        var error = Assert.Throws<SourceException>(() => ReportMonth(TestFiles.Fetched("eia860m", "generators.xlsx")));

        Assert.Contains("such as august_generator2026.xlsx", error.Message, StringComparison.Ordinal);
    }

    private static List<object?[]> Without(IEnumerable<object?[]> rows, string column)
    {
        var list = rows.ToList();
        var headerIndex = list.FindIndex(r => r.Contains(column));
        var drop = Array.IndexOf(list[headerIndex], column);
        return list.Select(r => r.Where((_, i) => i != drop).ToArray()).ToList();
    }
}
