using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Tabular;

public class WorkbookTests
{
    private static readonly ColumnSpec[] Specs =
    [
        new("Plant ID", true, "Plant Code"),
        new("Generator ID", true),
        new("Nameplate Capacity (MW)", true, "Nameplate Capacity MW"),
        new("Latitude", false),
    ];

    private static string Write(params Sheet[] sheets)
    {
        var path = Path.Combine(Repository.NewTempFolder(), "book.xlsx");
        XlsxWriter.Write(path, sheets);
        return path;
    }

    [Fact]
    public void FindHeader_TitleRowsAboveAndNotesBelow_FindsTheHeaderByItsCells()
    {
        var path = Write(
            new Sheet("Cover", [["About"]]),
            new Sheet("Operating", [
                ["U.S. Energy Information Administration"],
                ["Preliminary Monthly Electric Generator Inventory", null, "August 2026"],
                [],
                ["Entity ID", "Plant Code", "Generator ID", "Nameplate Capacity MW", "Status"],
                [1.0, 3.0, "01", 153.1, "(OP) Operating"],
                [1.0, 3.0, "GT1", 80.0, "(SB) Standby"],
                ["NOTE: Values are preliminary."],
            ]));

        using var rows = Workbook.ReadSheet(path, "operating").GetEnumerator();
        var (map, headerRow, missing) = Workbook.FindHeader(rows, Specs);

        Assert.Empty(missing);
        Assert.Equal(4, headerRow);
        Assert.NotNull(map);
        Assert.Equal((1, 2, 3, -1), (map["Plant ID"], map["Generator ID"], map["Nameplate Capacity (MW)"], map["Latitude"]));
        Assert.True(rows.MoveNext());
        Assert.Equal((5, "3", "01", "153.1"), (rows.Current.Number, rows.Current.Text(1), rows.Current.Text(2), rows.Current.Text(3)));
        Assert.True(rows.MoveNext());
        Assert.True(rows.MoveNext());
        Assert.Equal((7, "NOTE: Values are preliminary."), (rows.Current.Number, rows.Current.Text(0)));
        Assert.False(rows.MoveNext());
    }

    [Fact]
    public void FindHeader_RequiredColumnMissing_NamesIt()
    {
        var path = Write(new Sheet("Planned", [["Title"], ["Plant ID", "Nameplate Capacity (MW)"], [1.0, 2.0]]));

        using var rows = Workbook.ReadSheet(path, "Planned").GetEnumerator();
        var (map, _, missing) = Workbook.FindHeader(rows, Specs);

        Assert.Null(map);
        Assert.Equal(["Generator ID"], missing);
        Assert.Equal("required column missing: 'Generator ID'.", ColumnMap.MissingMessage(missing));
    }

    [Fact]
    public void SheetNamesAndReadSheet_MissingSheet_ListsSheetsAndFailsClearly()
    {
        var path = Write(new Sheet("Operating", [["a"]]), new Sheet("Canceled or Postponed", [["b"]]));

        Assert.Equal(["Operating", "Canceled or Postponed"], Workbook.SheetNames(path));
        var error = Assert.Throws<InvalidDataException>(() => Workbook.ReadSheet(path, "Retired").ToList());
        Assert.Contains("no sheet 'Retired'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xl/workbook.xml", "sheetId=\"1\"", "sheetId=\"99999999999\"")]
    [InlineData("xl/workbook.xml", "sheetId=\"1\" ", "")]
    [InlineData("xl/worksheets/sheet1.xml", "</sheetData>", "</sheetData><mergeCells><mergeCell/></mergeCells>")]
    public void SheetNamesAndReadSheet_MalformedPartExcelDataReaderTripsOn_ThrowInvalidDataExceptionWithItsCause(string part, string find, string replace)
    {
        var path = Path.Combine(Repository.NewTempFolder(), "book.xlsx");
        XlsxWriter.Write(path, new Sheet("Data", [["a", "b"], [1.0, 2.0]]));
        WorkbookGuardTests.PatchPart(path, part, xml => xml.Replace(find, replace, StringComparison.Ordinal));

        // What the sources catch and name with the file; before, an OverflowException or NullReferenceException escaped them.
        var error = Record.Exception(() => Workbook.ReadSheet(path, "Data").ToList()) ?? Record.Exception(() => Workbook.SheetNames(path));

        var invalid = Assert.IsType<InvalidDataException>(error);
        Assert.Matches("^[A-Za-z]+Exception: ", invalid.Message);
    }

    [Fact]
    public void IsXlsxFile_HtmlServedAsWorkbook_IsFalse()
    {
        var folder = Repository.NewTempFolder();
        var html = Path.Combine(folder, "august_generator2026.xlsx");
        File.WriteAllText(html, "<!DOCTYPE html><html>Page not found</html>");

        Assert.False(Workbook.IsXlsxFile(html));
        Assert.True(Workbook.IsXlsxFile(Write(new Sheet("S", [["x"]]))));
    }

    [Theory]
    [InlineData("Nameplate Capacity (MW)", "nameplate_capacity_mw")]
    [InlineData("Balancing  Authority", "balancing authority")]
    [InlineData("Plant ID", "PLANT_ID")]
    public void Normalise_SpellingsOfOneHeader_CompareEqual(string a, string b) =>
        Assert.Equal(ColumnMap.Normalise(a), ColumnMap.Normalise(b));

    [Fact]
    public void ReadSheet_RowWiderThanMaxSheetColumns_ThrowsNamingTheSetting()
    {
        var path = Write(new Sheet("Wide", [Enumerable.Range(0, 20).Select(i => (object?)(double)i).ToArray()]));

        var error = Assert.Throws<LimitExceededException>(() => Workbook.ReadSheet(path, "Wide", new SourceLimitsOptions { MaxSheetColumns = 10 }).ToList());

        Assert.Equal("sheet 'Wide': the column count (20) is larger than the limit of 10 (raise Sources:Limits:MaxSheetColumns if the file is genuine).", error.Message);
    }

    [Fact]
    public void ReadSheet_MoreRowsThanMaxSheetRows_ThrowsAtTheFirstRowPastIt()
    {
        var path = Write(new Sheet("Long", Enumerable.Range(0, 50).Select(i => new object?[] { (double)i })));

        var read = 0;
        var error = Assert.Throws<LimitExceededException>(() =>
        {
            foreach (var _ in Workbook.ReadSheet(path, "Long", new SourceLimitsOptions { MaxSheetRows = 40 }))
            {
                read++;
            }
        });

        Assert.Equal(40, read);
        Assert.Equal("sheet 'Long': the row count is larger than the limit of 40 (raise Sources:Limits:MaxSheetRows if the file is genuine).", error.Message);
    }
}
