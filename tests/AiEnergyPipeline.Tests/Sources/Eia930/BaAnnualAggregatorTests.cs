using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Tests.Sources.Eia930;

public class BaAnnualAggregatorTests
{
    [Fact]
    public async Task WriteTo_DemandHoursOfTwoYears_WritesPeakEnergyAndCoveragePerYear()
    {
        var aggregator = new BaAnnualAggregator();
        var t = new DateTime(2024, 12, 31, 23, 0, 0, DateTimeKind.Utc);
        aggregator.Add(new BaHourlyRecord("PJM", t, BaSeries.Demand, 100, "bulk", null));
        aggregator.Add(new BaHourlyRecord("PJM", t.AddHours(1), BaSeries.Demand, 250, "bulk", null));
        aggregator.Add(new BaHourlyRecord("PJM", t.AddHours(2), BaSeries.Demand, 150, "api", null));
        aggregator.Add(new BaHourlyRecord("PJM", t.AddHours(2), BaSeries.Forecast, 9999, "api", null));
        aggregator.Add(new BaHourlyRecord("CISO", t, BaSeries.Demand, 40, "bulk", null));
        var staging = Directory.CreateTempSubdirectory().FullName;

        await using (var writer = TableWriter.Create(staging, Schemas.BaAnnual, OriginColumn.Fetched))
        {
            aggregator.WriteTo(writer);
            await writer.CompleteAsync(CancellationToken.None);
        }

        Assert.Equal(
            [
                "balancing_authority_code,year,peak_demand_mw,energy_mwh,hours_reported,coverage_ratio,flagged_hours,origin",
                "CISO,2024,40,40,1,0.000114,0,fetched",
                "PJM,2024,100,100,1,0.000114,0,fetched",
                "PJM,2025,250,400,2,0.000228,0,fetched",
            ],
            await File.ReadAllLinesAsync(Path.Combine(staging, "ba_annual.csv")));
    }

    [Fact]
    public void FromPartials_PartialsOfTwoPartitionsMerged_EqualsOneAggregatorOverAllRows()
    {
        var t = new DateTime(2025, 6, 30, 23, 0, 0, DateTimeKind.Utc);
        var first = new BaAnnualAggregator();
        first.Add(new BaHourlyRecord("PJM", t, BaSeries.Demand, 100.5, "bulk", null));
        var second = new BaAnnualAggregator();
        second.Add(new BaHourlyRecord("PJM", t.AddHours(1), BaSeries.Demand, 250.25, "bulk", null));
        second.Add(new BaHourlyRecord("CISO", t.AddHours(1), BaSeries.Demand, 40, "bulk", null));
        second.Add(new BaHourlyRecord("PJM", t.AddHours(2), BaSeries.Demand, 9e9, "bulk", null, DemandQuality.Spike));
        var whole = new BaAnnualAggregator();
        whole.Merge(first);
        whole.Merge(second);

        var merged = BaAnnualAggregator.FromPartials(first.Partials());
        merged.Merge(BaAnnualAggregator.FromPartials(second.Partials()));

        Assert.Equal(whole.Partials(), merged.Partials());
        Assert.Equal(new BaAnnualPartial("PJM", 2025, 250.25, 350.75, 2, 1), merged.Partials()[1]);
    }

    [Fact]
    public async Task WriteTo_FlaggedHours_AreLeftOutOfPeakEnergyAndCoverageAndCounted()
    {
        var aggregator = new BaAnnualAggregator();
        var t = new DateTime(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc);
        aggregator.Add(new BaHourlyRecord("PJM", t, BaSeries.Demand, 100, "bulk", null, DemandQuality.Ok));
        aggregator.Add(new BaHourlyRecord("PJM", t.AddHours(1), BaSeries.Demand, 2_147_480_000, "bulk", null, DemandQuality.Spike));
        aggregator.Add(new BaHourlyRecord("PJM", t.AddHours(2), BaSeries.Demand, -5, "bulk", null, DemandQuality.Negative));
        aggregator.Add(new BaHourlyRecord("PJM", t.AddHours(3), BaSeries.Demand, 120, "bulk", null, DemandQuality.Ok));
        aggregator.Add(new BaHourlyRecord("TEPC", t, BaSeries.Demand, 7, "bulk", null, DemandQuality.Stuck));
        var staging = Directory.CreateTempSubdirectory().FullName;

        await using (var writer = TableWriter.Create(staging, Schemas.BaAnnual, OriginColumn.Fetched))
        {
            aggregator.WriteTo(writer);
            await writer.CompleteAsync(CancellationToken.None);
        }

        Assert.Equal(
            [
                "balancing_authority_code,year,peak_demand_mw,energy_mwh,hours_reported,coverage_ratio,flagged_hours,origin",
                "PJM,2024,120,220,2,0.000228,2,fetched",
                // every hour flagged: no peak
                "TEPC,2024,,0,0,0,1,fetched",
            ],
            await File.ReadAllLinesAsync(Path.Combine(staging, "ba_annual.csv")));
    }
}
