using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Sources.Queues.Iso;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Sources.Queues.Iso;

/// <summary>Reads ISO workbooks built in a test's temporary folder with an ISO's layout.</summary>
internal static class IsoSamples
{
    /// <summary>An Excel serial date, as a number cell (ISO workbooks often store dates without a date style).</summary>
    public static double Serial(int year, int month, int day) => new DateTime(year, month, day).ToOADate();

    public static (List<QueueProject> Projects, List<QuarantineRecord> Quarantine) Read(QueueFileFormat format, string fileName, params Sheet[] sheets)
    {
        var file = QueueSamples.Workbook(fileName, sheets);
        var quarantine = new List<QuarantineRecord>();
        var projects = IsoQueueReader.Read(file, IsoWorkbook.Sheets(file), IsoWorkbook.LayoutOf(format), quarantine.Add).ToList();
        return (projects, quarantine);
    }

    public static QueueProject Single(List<QueueProject> projects, string queueId) => Assert.Single(projects, p => p.QueueId == queueId);
}
