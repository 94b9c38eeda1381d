using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Ember;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Sources.Queues.Iso;
using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Tests.Sources.Queues.Iso;

public class SppQueueLayoutTests
{
    private const string Header = "Generation Interconnection Number, Nearest Town or County,State,Capacity,MAX Summer MW,Generation Type,Fuel Type,Request Received,Status,In-Service Date,Commercial Operation Date";

    private static (List<QueueProject> Projects, List<QuarantineRecord> Quarantine) Read(string fileName, string text)
    {
        var file = QueueSamples.Text(fileName, text);
        var quarantine = new List<QuarantineRecord>();
        return (IsoQueueReader.Read(file, IsoTextFiles.CsvSheets(file), SppQueueLayout.Layout, quarantine.Add).ToList(), quarantine);
    }

    [Fact]
    public void Read_AQuoteNeverClosed_FailsAtTheRecordLimitNamingTheFileAndTheSetting()
    {
        // One field opened with a quote and never closed: unbounded, it would become a field of the file's size.
        var file = QueueSamples.Text("spp_GenerateActiveCSV.csv", Header + "\nGEN-1,\"" + new string('x', 300_000));
        var limits = new SourceLimitsOptions { MaxCsvRecordBytes = 100_000 };

        var error = Assert.Throws<SourceException>(() => IsoQueueReader.Read(file, IsoTextFiles.CsvSheets(file, limits), SppQueueLayout.Layout, _ => { }).ToList());

        Assert.StartsWith("queues: spp_GenerateActiveCSV.csv: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("is larger than the limit of 100,000 (raise Sources:Limits:MaxCsvRecordBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PreambleAndStatuses_ReadsEveryRequestWithItsWords()
    {
        var (projects, quarantine) = Read("spp_GenerateActiveCSV.csv", "Last Updated On, 10/1/2026\n" + Header + "\n" +
            "GEN-2017-088,Woodward,OK,250,250,Wind,Wind,3/31/2017,IA FULLY EXECUTED/COMMERCIAL OPERATION,11/1/2020,12/15/2020\n" +
            "GEN-2022-101,Hale,TX,150,150,Battery/Storage,Battery,3/31/2022,IA FULLY EXECUTED/ON SUSPENSION,,9/1/2027\n" +
            "GEN-2023-212,Custer,NE,300,300,Thermal,Natural Gas,9/29/2023,DISIS STAGE,,\n" +
            "GEN-2025-019,Beckham,OK,75,75,Wind,Wind,1/31/2025,None,,\n");

        Assert.Empty(quarantine);
        Assert.Equal(
            [("GEN-2017-088", "operational", "IA FULLY EXECUTED/COMMERCIAL OPERATION"), ("GEN-2022-101", "suspended", "IA FULLY EXECUTED/ON SUSPENSION"),
             ("GEN-2023-212", "active", "DISIS STAGE"), ("GEN-2025-019", "active", "None")],
            projects.Select(p => (p.QueueId, p.Status, p.StatusRaw)));
        var gas = projects[2];
        Assert.Equal(("Thermal - Natural Gas", "gas_combustion_turbine", "Custer", "NE", "2023-09-29"), (gas.GenerationType, gas.AccreditationClass, gas.County, gas.State, gas.QueueDate?.Iso));
        Assert.Equal("2020-12-15", projects[0].ProposedCompletion?.Iso);
    }

    [Fact]
    public void Read_WithdrawnFile_StatesTheFateWithTheDate()
    {
        var (projects, _) = Read("spp_GenerateWithdrawnCSV.csv", "Last Updated On, 10/1/2026\n" + Header + ",Date Withdrawn\n" +
            "GEN-2016-041,Texas County,OK,400,400,Wind,Wind,9/30/2016,WITHDRAWN,,12/31/2019,5/14/2018\n");

        var project = Assert.Single(projects);
        Assert.Equal(("withdrawn", "2018-05-14"), (project.Status, project.WithdrawnDate?.Iso));
    }

    [Fact]
    public void Read_WrongLayout_FailsNamingTheFileAndTheMissingColumns()
    {
        var error = Assert.Throws<SourceException>(() => Read("spp.csv", "Request,Project Name,State\nAF1-123,Keystone,PA\n"));

        Assert.Equal("queues: spp.csv: not in the SPP queue layout: no sheet has its columns; the closest, sheet 'spp.csv': required columns missing: 'Generation Interconnection Number', 'Nearest Town or County', 'Status', 'Generation Type', 'Capacity', 'Request Received'.", error.Message);
    }
}
