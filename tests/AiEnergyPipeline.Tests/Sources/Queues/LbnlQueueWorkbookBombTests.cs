using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.TestKit;
using static AiEnergyPipeline.Tests.Sources.Queues.QueueSamples;

namespace AiEnergyPipeline.Tests.Sources.Queues;

/// <summary>The LBNL workbook reader goes through the same guard: a bomb fails the file naming it and the limit.</summary>
public class LbnlQueueWorkbookBombTests
{
    [Fact]
    public void Read_CellExpandingPastMaxCellChars_FailsTheFileNamingTheSetting()
    {
        var path = Path.Combine(Repository.NewTempFolder(), "queued_up.xlsx");
        XlsxBombs.Cell(path, 64L << 20, "data");
        var limits = new SourceLimitsOptions { MaxCompressionRatio = double.MaxValue };

        var error = AllocationProbe.Throws<SourceException>(() => LbnlQueueWorkbook.Read(Local(path, "queued_up.xlsx"), null, _ => { }, limits).ToList());

        Assert.Equal("queues: queued_up.xlsx: part 'xl/worksheets/sheet1.xml': a cell (in characters) is larger than the limit of 32,767 (raise Sources:Limits:MaxCellChars if the file is genuine).", error.Message);
    }

    [Fact]
    public void Read_MoreRowsThanMaxSheetRows_FailsTheFileNamingTheSetting()
    {
        var path = Path.Combine(Repository.NewTempFolder(), "queued_up.xlsx");
        XlsxBombs.Rows(path, 2_000, "data");

        var error = AllocationProbe.Throws<SourceException>(() => LbnlQueueWorkbook.Read(Local(path, "queued_up.xlsx"), null, _ => { }, new SourceLimitsOptions { MaxSheetRows = 1_000 }).ToList());

        Assert.Contains("row count is larger than the limit of 1,000 (raise Sources:Limits:MaxSheetRows", error.Message, StringComparison.Ordinal);
    }
}
