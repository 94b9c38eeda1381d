using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.TestKit;
using static AiEnergyPipeline.Tests.Sources.Eia860m.Eia860mSamples;

namespace AiEnergyPipeline.Tests.Sources.Eia860m;

/// <summary>
/// The workbooks of issue 12 against the EIA-860M reader with its default limits: one whose one
/// shared string (or cell) expands to a GB drove the process to 4.2 GB, one of 60 million tiny rows
/// ran for minutes. Each must now fail the file, naming it and the limit, in seconds and flat memory.
/// </summary>
public class Eia860mWorkbookBombTests
{
    private static string NewPath() => Path.Combine(Repository.NewTempFolder(), FileName);

    [Fact]
    public void Read_SharedStringExpandingToAGigabyte_FailsTheFileNamingTheLimitInFlatMemory()
    {
        var path = NewPath();
        XlsxBombs.SharedString(path, 1L << 30, "Operating");

        var error = AllocationProbe.Throws<SourceException>(() => Read(path));

        Assert.Equal(("eia860m", FileName), (error.SourceName, error.File));
        Assert.StartsWith("eia860m: august_generator2026.xlsx: part 'xl/sharedStrings.xml' expands ", error.Message, StringComparison.Ordinal);
        Assert.Contains("expands to 1,073,741,", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:Limits:MaxPartBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CellExpandingToAGigabyte_FailsTheFileNamingTheLimitInFlatMemory()
    {
        var path = NewPath();
        XlsxBombs.Cell(path, 1L << 30, "Operating");

        var error = AllocationProbe.Throws<SourceException>(() => Read(path));

        Assert.StartsWith("eia860m: august_generator2026.xlsx: part 'xl/worksheets/sheet1.xml' expands ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:Limits:MaxPartBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SixtyMillionTinyRows_FailsTheFileOnTheExpandedPartInFlatMemory()
    {
        var path = NewPath();
        XlsxBombs.Rows(path, 60_000_000, "Operating");

        var error = AllocationProbe.Throws<SourceException>(() => Read(path));

        Assert.StartsWith("eia860m: august_generator2026.xlsx: part 'xl/worksheets/sheet1.xml' expands ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:Limits:Max", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoHundredMegabyteSharedString_FailsOnTheCompressionRatio()
    {
        var path = NewPath();
        XlsxBombs.SharedString(path, 200L << 20, "Operating");

        var error = AllocationProbe.Throws<SourceException>(() => Read(path));

        Assert.StartsWith("eia860m: august_generator2026.xlsx: part 'xl/sharedStrings.xml' expands ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:Limits:MaxCompressionRatio", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SharedStringPastTheLimitButCompressingLikeText_FailsNamingMaxSharedStringChars()
    {
        // 40,000 characters pass the size and ratio checks: only the length of the string trips.
        var path = NewPath();
        XlsxBombs.SharedString(path, 40_000, "Operating");

        var error = AllocationProbe.Throws<SourceException>(() => Read(path));

        Assert.Equal("eia860m: august_generator2026.xlsx: part 'xl/sharedStrings.xml': a shared string (in characters) is larger than the limit of 32,767 (raise Sources:Limits:MaxSharedStringChars if the file is genuine).", error.Message);
    }
}
