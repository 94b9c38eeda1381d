using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Ember;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Sources.Queues.Iso;

namespace AiEnergyPipeline.Tests.Sources.Queues.Iso;

public class MisoQueueLayoutTests
{
    private static (List<QueueProject> Projects, List<QuarantineRecord> Quarantine) Read(string json)
    {
        var file = QueueSamples.Text("getprojects.json", json);
        var quarantine = new List<QuarantineRecord>();
        return (IsoQueueReader.Read(file, IsoTextFiles.JsonSheets(file), MisoQueueLayout.Layout, quarantine.Add).ToList(), quarantine);
    }

    [Fact]
    public void JsonSheets_ObjectsOfEverNewKeys_FailTheFileAtTheColumnLimit()
    {
        var file = QueueSamples.Text("getprojects.json", "[" + string.Join(",", Enumerable.Range(0, 50).Select(i => $"{{\"key{i}\": 1}}")) + "]");

        var error = Assert.Throws<SourceException>(() => IsoTextFiles.JsonSheets(file, new SourceLimitsOptions { MaxSheetColumns = 20 }));

        Assert.Equal("getprojects.json", error.File);
        Assert.Contains("the number of distinct keys (the sheet's columns) is larger than the limit of 20 (raise Sources:Limits:MaxSheetColumns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EveryFateWithDates_FromTheApiArray()
    {
        var (projects, quarantine) = Read("""
            [
              {"projectNumber": "J1520", "county": "Lyon", "state": "MN", "queueDate": "2020-07-31T00:00:00", "applicationStatus": "Active", "summerNetMW": 200.0, "fuelType": "Wind", "facilityType": "Wind Turbine", "inService": "2026-12-01T00:00:00", "withdrawnDate": null, "doneDate": null},
              {"state": "IA", "projectNumber": "J1733", "county": "Linn", "queueDate": "2021-09-15T00:00:00", "applicationStatus": "Done", "summerNetMW": 150, "fuelType": "Solar", "doneDate": "2025-10-03T00:00:00"},
              {"projectNumber": "J1855", "county": "Tippecanoe", "state": "IN", "queueDate": "2022-09-15T00:00:00", "applicationStatus": "Withdrawn", "summerNetMW": 250.0, "fuelType": "Gas", "facilityType": "Combined Cycle", "withdrawnDate": "2024-02-20T00:00:00"}
            ]
            """);

        Assert.Empty(quarantine);
        Assert.Equal([("J1520", "active"), ("J1733", "operational"), ("J1855", "withdrawn")], projects.Select(p => (p.QueueId, p.Status)));
        Assert.Equal(("2025-10-03", 150.0), (projects[1].ActualCompletion?.Iso, projects[1].CapacityMw));
        Assert.Equal(("2024-02-20", "Gas - Combined Cycle", "gas_combined_cycle"), (projects[2].WithdrawnDate?.Iso, projects[2].GenerationType, projects[2].AccreditationClass));
        Assert.Equal("2026-12-01", projects[0].ProposedCompletion?.Iso);
    }

    [Theory]
    [InlineData("<html>blocked</html>")]
    [InlineData("""{"projects": []}""")]
    [InlineData("""[{"projectNumber": "J1"}, {"projectNumber": """)]
    public void Read_NotAJsonArray_FailsNamingTheFile(string content)
    {
        var error = Assert.Throws<SourceException>(() => Read(content));

        Assert.StartsWith("queues: getprojects.json: the file is not a JSON array of projects: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongLayout_FailsNamingTheFileAndTheMissingColumns()
    {
        var error = Assert.Throws<SourceException>(() => Read("""[{"id": "J1", "status": "Active"}]"""));

        Assert.Equal("queues: getprojects.json: not in the MISO queue layout: no sheet has its columns; the closest, sheet 'getprojects.json': required columns missing: 'projectNumber', 'state', 'county', 'fuelType', 'summerNetMW', 'queueDate'.", error.Message);
    }
}
