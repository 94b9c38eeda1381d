using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Queues.Iso;
using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Tests.Sources.Queues.Iso;

public class IsoQueueReaderTests
{
    private static readonly object?[] Header = ["projectNumber", "county", "state", "queueDate", "applicationStatus", "summerNetMW", "fuelType"];

    [Fact]
    public void Read_ManySheetsWithTheQueuesColumns_OpensOneSheetAtATimeAndReadsEveryRow()
    {
        var open = 0;
        var mostOpen = 0;
        IEnumerable<SheetRow> Rows(int sheet)
        {
            // Each open reader of a workbook holds its shared strings: they must not pile up, one a matching sheet.
            mostOpen = Math.Max(mostOpen, ++open);
            try
            {
                yield return new SheetRow(1, Header);
                yield return new SheetRow(2, [$"J{sheet}", "Lyon", "MN", "2020-07-31T00:00:00", "Active", 100.0, "Wind"]);
                yield return new SheetRow(3, [$"K{sheet}", "Linn", "IA", "2021-09-15T00:00:00", "Active", 50.0, "Solar"]);
            }
            finally
            {
                open--;
            }
        }

        var sheets = Enumerable.Range(1, 8).Select(i => new IsoSheet($"sheet {i}", () => Rows(i))).ToList();
        var quarantine = new List<QuarantineRecord>();

        var projects = IsoQueueReader.Read(QueueSamples.Text("getprojects.json", "[]"), sheets, MisoQueueLayout.Layout, quarantine.Add).ToList();

        Assert.Empty(quarantine);
        Assert.Equal(16, projects.Count);
        Assert.Equal(["J1", "K1", "J8", "K8"], projects.Where(p => p.QueueId.EndsWith('1') || p.QueueId.EndsWith('8')).Select(p => p.QueueId));
        Assert.Equal(1, mostOpen);
        Assert.Equal(0, open);
    }
}
