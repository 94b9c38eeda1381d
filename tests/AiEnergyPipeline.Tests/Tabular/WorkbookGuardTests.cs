using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Tabular;

/// <summary>
/// Zip bombs and oversized sheets against <see cref="WorkbookGuard"/>, each with only the limit
/// under test low enough to trip (the others raised), so that each limit is shown to hold on its
/// own: the check throws naming the part and the setting, allocating far less than the bomb holds.
/// </summary>
public class WorkbookGuardTests
{
    /// <summary>Limits with the size and ratio checks out of the way, so that the streaming checks must hold.</summary>
    private static SourceLimitsOptions OnlyStreamingChecks() => new() { MaxPartBytes = long.MaxValue, MaxCompressionRatio = double.MaxValue };

    private static string NewPath() => Path.Combine(Repository.NewTempFolder(), "book.xlsx");

    [Fact]
    public void Check_SharedStringOf512MillionCharacters_ThrowsNamingMaxSharedStringCharsInFlatMemory()
    {
        var path = NewPath();
        XlsxBombs.SharedString(path, 512L << 20);

        var error = AllocationProbe.Throws<LimitExceededException>(() => WorkbookGuard.Check(path, OnlyStreamingChecks()));

        Assert.Equal("part 'xl/sharedStrings.xml': a shared string (in characters) is larger than the limit of 32,767 (raise Sources:Limits:MaxSharedStringChars if the file is genuine).", error.Message);
    }

    [Fact]
    public void Check_InlineCellOf512MillionCharacters_ThrowsNamingMaxCellCharsInFlatMemory()
    {
        var path = NewPath();
        XlsxBombs.Cell(path, 512L << 20);

        var error = AllocationProbe.Throws<LimitExceededException>(() => WorkbookGuard.Check(path, OnlyStreamingChecks()));

        Assert.Equal("part 'xl/worksheets/sheet1.xml': a cell (in characters) is larger than the limit of 32,767 (raise Sources:Limits:MaxCellChars if the file is genuine).", error.Message);
    }

    [Fact]
    public void Check_SheetOfManyRows_ThrowsNamingMaxSheetRows()
    {
        var path = NewPath();
        XlsxBombs.Rows(path, 5_000);

        var error = AllocationProbe.Throws<LimitExceededException>(() => WorkbookGuard.Check(path, new SourceLimitsOptions { MaxSheetRows = 1_000 }));

        Assert.Equal("part 'xl/worksheets/sheet1.xml': the sheet's row count is larger than the limit of 1,000 (raise Sources:Limits:MaxSheetRows if the file is genuine).", error.Message);
    }

    [Fact]
    public void Check_PartExpandingThousandsOfTimes_ThrowsNamingMaxCompressionRatioBeforeReadingIt()
    {
        var path = NewPath();
        XlsxBombs.Padding(path, 256L << 20);

        var error = AllocationProbe.Throws<LimitExceededException>(() => WorkbookGuard.Check(path, new SourceLimitsOptions()));

        Assert.StartsWith("part 'xl/worksheets/sheet1.xml' expands ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("bytes), which is larger than the limit of 100 (raise Sources:Limits:MaxCompressionRatio if the file is genuine).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PartLargerThanMaxPartBytes_ThrowsNamingItBeforeReadingIt()
    {
        var path = NewPath();
        XlsxBombs.Padding(path, 2L << 20);

        var error = AllocationProbe.Throws<LimitExceededException>(() => WorkbookGuard.Check(path, new SourceLimitsOptions { MaxPartBytes = 1 << 20 }));

        Assert.StartsWith("part 'xl/worksheets/sheet1.xml' expands to 2,097,", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("bytes, which is larger than the limit of 1,048,576 (raise Sources:Limits:MaxPartBytes if the file is genuine).", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ZZZZZZ2", "a cell at ZZZZZZ2")]
    [InlineData("FXSHRXV2", "a cell at FXSHRXV2")]
    [InlineData("ALM2", "a cell at ALM2")]
    public void Check_CellFarBeyondMaxSheetColumns_ThrowsBeforeExcelDataReaderWidensTheRow(string reference, string named)
    {
        var path = NewPath();
        XlsxWriter.Write(path, new Sheet("Data", [["Plant ID", "Name"], [1.0, "x"]]));
        PatchPart(path, "xl/worksheets/sheet1.xml", xml => xml.Replace("r=\"B2\"", $"r=\"{reference}\"", StringComparison.Ordinal));

        var error = AllocationProbe.Throws<LimitExceededException>(() => WorkbookGuard.Check(path, new SourceLimitsOptions()));

        Assert.Equal($"part 'xl/worksheets/sheet1.xml': the column count ({named}) is larger than the limit of 1,000 (raise Sources:Limits:MaxSheetColumns if the file is genuine).", error.Message);
    }

    [Fact]
    public void Check_RowOfMoreCellsThanMaxSheetColumns_Throws()
    {
        var path = NewPath();
        XlsxWriter.Write(path, new Sheet("Data", [["a"], [1.0]]));
        // Cells without a reference, as a writer may leave them: only their count says how wide the row is.
        PatchPart(path, "xl/worksheets/sheet1.xml", xml => xml.Replace("<row r=\"2\">", "<row r=\"2\">" + string.Concat(Enumerable.Repeat("<c><v>1</v></c>", 20)), StringComparison.Ordinal));

        var error = Assert.Throws<LimitExceededException>(() => WorkbookGuard.Check(path, new SourceLimitsOptions { MaxSheetColumns = 10 }));

        Assert.StartsWith("part 'xl/worksheets/sheet1.xml': the column count (cells in a row) is larger than the limit of 10 ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.dat", "a cell (in characters)", false)]
    [InlineData("xl/sharedStrings.xml", "xl\\sharedStrings.xml", "a shared string (in characters)", true)]
    public void Check_PartNamedAsTheReaderStillOpensIt_IsScannedAsWhatItIs(string part, string renamed, string what, bool sharedString)
    {
        // ExcelDataReader opens a sheet wherever its relationship points and finds "xl\sharedStrings.xml" as the shared strings.
        var path = NewPath();
        if (sharedString)
        {
            XlsxBombs.SharedString(path, 5_000);
        }
        else
        {
            XlsxBombs.Cell(path, 5_000);
        }

        RenamePart(path, part, renamed);

        var error = Assert.Throws<LimitExceededException>(() => WorkbookGuard.Check(path, new SourceLimitsOptions { MaxCellChars = 1_000, MaxSharedStringChars = 1_000 }));

        Assert.StartsWith($"part '{renamed}': {what} is larger than the limit of 1,000", error.Message, StringComparison.Ordinal);
    }

    private static void RenamePart(string path, string part, string renamed)
    {
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update);
        var entry = zip.GetEntry(part)!;
        using var bytes = new MemoryStream();
        using (var content = entry.Open())
        {
            content.CopyTo(bytes);
        }

        entry.Delete();
        using var target = zip.CreateEntry(renamed).Open();
        bytes.Position = 0;
        bytes.CopyTo(target);
    }

    [Fact]
    public void Check_ManyPartsEachUnderItsLimit_ThrowsOnTheirSum()
    {
        var path = NewPath();
        XlsxWriter.Write(path, new Sheet("Data", [["a"], [1.0]]));
        AddParts(path, 5, 1 << 20);

        var error = Assert.Throws<LimitExceededException>(() => WorkbookGuard.Check(path, new SourceLimitsOptions { MaxPartBytes = 1 << 20, MaxCompressionRatio = double.MaxValue }));

        Assert.StartsWith("the workbook's XML parts expand to 5,2", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("which is larger than the limit of 4,194,304 (raise Sources:Limits:MaxPartBytes if the file is genuine).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MorePartsThanAnyWorkbookHas_ThrowsBeforeReadingThem()
    {
        var path = NewPath();
        XlsxWriter.Write(path, new Sheet("Data", [["a"], [1.0]]));
        AddParts(path, WorkbookGuard.MaxParts, 1);

        var error = Assert.Throws<InvalidDataException>(() => WorkbookGuard.Check(path, new SourceLimitsOptions()));

        Assert.Contains("parts, more than the 10,000 a workbook is read with", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SharedStringOfThousandsOfRuns_Throws()
    {
        var path = NewPath();
        XlsxWriter.Write(path, new Sheet("Data", [["a"], ["b"]]));
        // Each run is joined to the string so far: 32,000 one-character runs cost ExcelDataReader 39 GB of copies per open.
        WorkbookGuardTests.PatchPart(path, "xl/sharedStrings.xml", xml => xml.Replace("<si><t xml:space=\"preserve\">b</t></si>", "<si>" + string.Concat(Enumerable.Repeat("<r><t>x</t></r>", 1_001)) + "</si>", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => WorkbookGuard.Check(path, new SourceLimitsOptions()));

        Assert.Equal("part 'xl/sharedStrings.xml': a shared string of more than 1,000 runs (formatted pieces), which are joined one by one: real ones have a few.", error.Message);
    }

    /// <summary>Adds <paramref name="count"/> XML parts of <paramref name="bytes"/> bytes each (a comment's worth of markup).</summary>
    private static void AddParts(string path, int count, int bytes)
    {
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update);
        var content = System.Text.Encoding.UTF8.GetBytes("<a>" + new string('x', Math.Max(0, bytes - 7)) + "</a>");
        for (var i = 0; i < count; i++)
        {
            using var part = zip.CreateEntry($"xl/extra/part{i}.xml", System.IO.Compression.CompressionLevel.Fastest).Open();
            part.Write(content);
        }
    }

    [Theory]
    [InlineData("A1", 1)]
    [InlineData("Z9", 26)]
    [InlineData("AA10", 27)]
    [InlineData("XFD1048576", 16384)]
    [InlineData(null, 0)]
    [InlineData("ZZZZZZZZZZZZZZZZ1", long.MaxValue)]
    public void ColumnOf_CellReference_IsItsColumnNumber(string? reference, long column) =>
        Assert.Equal(column, WorkbookGuard.ColumnOf(reference));

    /// <summary>Rewrites one part of a workbook, as a damaged or hostile file would have it.</summary>
    internal static void PatchPart(string path, string part, Func<string, string> change)
    {
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update);
        var entry = zip.GetEntry(part)!;
        string text;
        using (var reader = new StreamReader(entry.Open()))
        {
            text = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(part).Open());
        writer.Write(change(text));
    }

    [Fact]
    public void Check_OrdinaryWorkbookAtTheLimits_Passes()
    {
        var path = NewPath();
        var longest = new string('x', 100);
        XlsxWriter.Write(path, new Sheet("Data", [["Plant ID", "Name"], [1.0, longest], [2.0, "short"]]));

        WorkbookGuard.Check(path, new SourceLimitsOptions { MaxSharedStringChars = 100, MaxCellChars = 5, MaxSheetRows = 3 });
    }
}
