using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>
/// The bundled snapshot's published values go with the model version. A run whose inputs and model
/// version are the latest run's publishes nothing new, so code that changes what the same inputs
/// give must bump <see cref="IngestPipeline.ModelVersion"/>; this test notices when the snapshot's
/// CSV outputs change and the version does not. (Changes that only options turn on, such as the
/// queue supply tail, which is off by default, do not reach these files.)
/// </summary>
public class SnapshotOutputsTests
{
    // Recorded with the model version: every CSV the run publishes (tables, parts and the gap's), the
    // first 16 hex digits of its sha256. Parquet is left out: its bytes name the library's version.
    private const string RecordedVersion = "ingest-v8-gap-v4";

    private static readonly Dictionary<string, string> Recorded = new(StringComparer.Ordinal)
    {
        ["data/assumptions.csv"] = "e759ccd13afe0edb",
        ["data/ba_annual.csv"] = "3814cc73ff91aeb6",
        ["data/ba_hourly/2025_h1.csv"] = "2223b583caa099d2",
        ["data/ba_hourly/2025_h2.csv"] = "a7bfbd8867a12bbb",
        ["data/ba_hourly/api.csv"] = "0bb71bf87496867f",
        ["data/country_capacity.csv"] = "829e6279c848c776",
        ["data/demand_scenarios.csv"] = "66a1e2afa551a2b3",
        ["data/generator_changes.csv"] = "f4df78b1c2a2cc05",
        ["data/generators.csv"] = "4731563843e7c0ed",
        ["data/planned_realisation.csv"] = "8461b16ae6933eb5",
        ["data/planned_vs_built_by_year.csv"] = "59d44ce0cce09df4",
        ["data/quarantine.csv"] = "ef7bb6d11956372d",
        ["data/queue_changes.csv"] = "68fd4863b03ff217",
        ["data/queue_completion_rates.csv"] = "7a7b48702bd8b4ab",
        ["data/queue_projects.csv"] = "9c7b0125b5da327e",
        ["gap/additions_by_year_technology.csv"] = "58234228207818be",
        ["gap/gap_by_region.csv"] = "b4f0bfe1198ab0d1",
        ["gap/gap_by_year.csv"] = "2e774d8d520a2400",
        ["gap/us_vs_china_additions.csv"] = "56b12c6d08bea132",
    };

    [Fact]
    public async Task RunIngestAsync_BundledSnapshot_CsvOutputsAreThoseRecordedWithTheModelVersion()
    {
        var store = TestPaths.NewTempFolder();
        var outcome = await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now));
        Assert.Equal(RunStatus.Published, outcome.Status);

        var package = TestPipeline.ReadJson(Path.Combine(store, RunPublisher.DataPackagePath(outcome.RunId)));
        var published = package.GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("format").GetString() == "csv")
            .ToDictionary(r => r.GetProperty("path").GetString()!, r => r.GetProperty("sha256").GetString()![..16], StringComparer.Ordinal);

        var changed = published.Keys.Union(Recorded.Keys).Order(StringComparer.Ordinal)
            .Where(p => published.GetValueOrDefault(p) != Recorded.GetValueOrDefault(p))
            .Select(p => $"[\"{p}\"] = \"{published.GetValueOrDefault(p)}\",")
            .ToList();
        Assert.True(
            changed.Count == 0 && IngestPipeline.ModelVersion == RecordedVersion,
            $"The bundled snapshot's outputs or the model version ({IngestPipeline.ModelVersion}) are not those recorded with {RecordedVersion}. "
            + "If the code now gives other outputs for the same files, bump IngestPipeline.ModelVersion; if only the snapshot's files changed, "
            + "the inputs hash changes with them and no bump is needed. Then record the version and these here:\n" + string.Join('\n', changed));
    }
}
