using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Sources.Queues;

public class QueueCompletionTallyTests
{
    private static QueueProject Project(string region, string status, double mw, int? year = 2019, string format = "pjm", string type = "solar_pv") =>
        new(region, "Q1", "", "", "", "Solar", type, mw, 0, null, null,
            year is { } y ? new QueueDate(new DateOnly(y, 6, 1), DatePrecision.Day) : null, null, status, region, format, "f.xlsx", new QueueRowLocation(2));

    private static Task<string[]> WriteAsync(params QueueProject[] projects) => WriteAsync(new HashSet<string>(), projects);

    private static async Task<string[]> WriteAsync(IReadOnlySet<string> incomplete, params QueueProject[] projects)
    {
        var rates = new QueueCompletionTally();
        foreach (var project in projects)
        {
            rates.Add(project);
        }

        var table = await rates.WriteAsync(Repository.NewTempFolder(), OriginColumn.Fetched, incomplete, CancellationToken.None);
        return await File.ReadAllLinesAsync(table.LocalPath);
    }

    [Fact]
    public async Task WriteAsync_ResolvedRequests_RateIsCompletedOverCompletedPlusWithdrawnByMw()
    {
        var lines = await WriteAsync(
            Project("PJM", "operational", 100), Project("PJM", "retired", 50), Project("PJM", "withdrawn", 250),
            Project("PJM", "active", 400), Project("PJM", "unknown", 10), Project("PJM", "suspended", 5));

        Assert.Equal("region,generation_type,entry_cohort,completed_count,completed_mw,withdrawn_count,withdrawn_mw,unresolved_count,unresolved_mw,completion_rate,completion_rate_by_count,basis,complete,origin", lines[0]);
        Assert.Equal(["PJM,solar_pv,2019,2,150,1,250,3,415,0.375,0.6667,measured,true,fetched"], lines.Skip(1));
    }

    [Fact]
    public async Task WriteAsync_NothingResolvedOrNoQueueDate_RateEmptyCohortUnknown()
    {
        var lines = await WriteAsync(Project("CAISO", "active", 100, year: null));

        Assert.Equal(["CAISO,solar_pv,unknown,0,0,0,0,1,100,,,measured,true,fetched"], lines.Skip(1));
    }

    [Fact]
    public async Task WriteAsync_RegionAlsoInItsIsoFile_LeavesLbnlRowsOutSoNothingCountsTwice()
    {
        var lines = await WriteAsync(
            Project("ERCOT", "withdrawn", 100, format: "lbnl"), Project("ERCOT", "operational", 300, format: "ercot"),
            Project("MISO", "withdrawn", 80, format: "lbnl"));

        Assert.Equal(["ERCOT,solar_pv,2019,1,300,0,0,0,0,1,1,measured,true,fetched", "MISO,solar_pv,2019,0,0,1,80,0,0,0,0,measured,true,fetched"], lines.Skip(1));
    }

    [Fact]
    public async Task WriteAsync_RegionWithAFailedFile_CountsWhatWasReadRatesEmptyCompleteFalse()
    {
        // SPP's withdrawn file failed: its active file alone would give a completion rate of 1.
        var lines = await WriteAsync(new HashSet<string> { "SPP" },
            Project("SPP", "operational", 100, format: "spp"), Project("PJM", "withdrawn", 50));

        Assert.Equal(["PJM,solar_pv,2019,0,0,1,50,0,0,0,0,measured,true,fetched", "SPP,solar_pv,2019,1,100,0,0,0,0,,,measured,false,fetched"], lines.Skip(1));
    }

    [Fact]
    public async Task WriteAsync_IsoFileFailedLbnlHasTheRegion_LbnlRowsMarkTheRegionIncomplete()
    {
        // CAISO's own file failed, so no CAISO row came from it: LBNL's stand, counted, without rates.
        var lines = await WriteAsync(new HashSet<string> { "CAISO" }, Project("CAISO", "withdrawn", 100, format: "lbnl"));

        Assert.Equal(["CAISO,solar_pv,2019,0,0,1,100,0,0,,,measured,false,fetched"], lines.Skip(1));
    }
}
