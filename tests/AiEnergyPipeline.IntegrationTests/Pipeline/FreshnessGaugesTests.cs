using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.IntegrationTests.Pipeline.FanOut;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>The data-age gauges of an instance that did not run the ingest itself: read from latest.json and the source history.</summary>
[Collection(TelemetryCollection.Name)]
public class FreshnessGaugesTests
{
    [Fact]
    public async Task RefreshAsync_AnotherInstancesRun_GaugesTheAgeOfItsDataAndOfEachSourcesSuccess()
    {
        var folder = TestPaths.NewTempFolder();
        var ingest = await TestPipeline.RunIngestAsync(folder, time: new FakeTimeProvider(TestPipeline.Now));
        var time = new FakeTimeProvider(TestPipeline.Now.AddHours(30));
        var metrics = new List<MetricSnapshot>();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(PipelineTelemetry.Name).AddInMemoryExporter(metrics).Build();
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(folder), time);
        var gauges = services.GetRequiredService<FreshnessGauges>();

        metering.ForceFlush();
        var before = metrics.LastOrDefault(m => m.Name == "aienergy.data.age")?.MetricPoints.Count ?? 0;
        await gauges.RefreshAsync(CancellationToken.None);
        metering.ForceFlush();

        // Knowing nothing yet, the first collection reports nothing rather than read the store while it is collected.
        Assert.Equal(0, before);
        var age = Assert.Single(metrics.Last(m => m.Name == "aienergy.data.age").MetricPoints);
        Assert.InRange(age.GetGaugeLastValueDouble() / 3600, 29.9, 30.1);
        var sources = metrics.Last(m => m.Name == "aienergy.source.success_age").MetricPoints;
        Assert.Equal(ingest.Report.Sources.Count, sources.Count);
        Assert.All(sources, p => Assert.InRange(p.GetGaugeLastValueDouble() / 3600, 29.9, 30.1));
        Assert.All(metrics.Last(m => m.Name == "aienergy.source.consecutive_failures").MetricPoints, p => Assert.Equal(0, p.GetGaugeLastValueLong()));
    }
}
