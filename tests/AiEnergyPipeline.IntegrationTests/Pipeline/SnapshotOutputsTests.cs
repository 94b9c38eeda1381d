using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Time.Testing;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>
/// The bundled snapshot's published values go with the model version. A run whose inputs and model
/// version are the latest run's publishes nothing new, so code that changes what the same inputs
/// give must bump <see cref="IngestPipeline.ModelVersion"/>; these tests notice when the snapshot's
/// data outputs change and the version does not, and when its partitions' entries change and their
/// own version does not. (Changes that only options turn on do not reach these files: the queue
/// supply tail, off by default, would add nothing here even on, as the snapshot's EIA-860M units
/// reach the horizon.)
/// </summary>
public class SnapshotOutputsTests
{
    // Recorded with the model version: every CSV the run publishes (tables, parts and the gap's) and
    // headline.json, the first 16 hex digits of its sha256. Parquet is left out: its bytes name the
    // library's version. So are the chart and the page: how a run is drawn, not what it found.
    private const string RecordedVersion = "ingest-v9-gap-v8";

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
        ["gap/additions_by_year_technology.csv"] = "b6bc57e28a09656a",
        ["gap/gap_by_region.csv"] = "062c8fe08a0c55a0",
        ["gap/gap_by_year.csv"] = "15408e8a7253322c",
        ["gap/headline.json"] = "d4b3cebcc607ca35",
        ["gap/us_vs_china_additions.csv"] = "56b12c6d08bea132",
    };

    // Recorded with the partition version: every file of the bundled snapshot's partition entries
    // (partitions/{source}/{part}/{version}/{sha256}/), by source, part and name, as above.
    private const string RecordedPartitionVersion = "partitions-v9";

    private static readonly Dictionary<string, string> RecordedPartitions = new(StringComparer.Ordinal)
    {
        ["eia860m/2023-01/generators.csv"] = "64c9e580e88fa205",
        ["eia860m/2023-01/summary.json"] = "ff863142a04a53e5",
        ["eia860m/2024-01/generators.csv"] = "37a469d2874fe5b1",
        ["eia860m/2024-01/summary.json"] = "d6d49e12f7bd0698",
        ["eia860m/2025-01/generators.csv"] = "f6c054272cf8f247",
        ["eia860m/2025-01/summary.json"] = "8d5d80bab8c31b25",
        ["eia860m/2026-01/generators.csv"] = "44de8ee5d7d800c8",
        ["eia860m/2026-01/summary.json"] = "237463d2131089da",
        ["eia860m/2026-07/generators.csv"] = "636cae47b6da8c48",
        ["eia860m/2026-07/summary.json"] = "38b71469575a021e",
        ["eia860m/2026-08/generators.csv"] = "e63f3c7eb575c0cf",
        ["eia860m/2026-08/summary.json"] = "3174bceea49179f9",
        ["eia930_bulk/2025_h1/ba_hourly.csv"] = "2223b583caa099d2",
        ["eia930_bulk/2025_h1/summary.json"] = "05cff4f41486ff07",
        ["eia930_bulk/2025_h2/ba_hourly.csv"] = "a7bfbd8867a12bbb",
        ["eia930_bulk/2025_h2/summary.json"] = "70684ee774f5b393",
    };

    [Fact]
    public async Task RunIngestAsync_BundledSnapshot_DataOutputsAreThoseRecordedWithTheModelVersion()
    {
        var store = TestPaths.NewTempFolder();
        var outcome = await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now));
        Assert.Equal(RunStatus.Published, outcome.Status);

        AssertRecorded(DataOutputs(store, outcome.RunId), Recorded);
    }

    /// <summary>The run's CSV and JSON files, by path in the run, with the first 16 hex digits of their sha256.</summary>
    private static Dictionary<string, string> DataOutputs(string store, string runId) =>
        TestPipeline.ReadJson(Path.Combine(store, RunPublisher.DataPackagePath(runId))).GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("format").GetString() is "csv" or "json")
            .ToDictionary(r => r.GetProperty("path").GetString()!, r => r.GetProperty("sha256").GetString()![..16], StringComparer.Ordinal);

    private static void AssertRecorded(Dictionary<string, string> published, Dictionary<string, string> recorded)
    {
        var changed = published.Keys.Union(recorded.Keys).Order(StringComparer.Ordinal)
            .Where(p => published.GetValueOrDefault(p) != recorded.GetValueOrDefault(p))
            .Select(p => $"[\"{p}\"] = \"{published.GetValueOrDefault(p)}\",")
            .ToList();
        Assert.True(
            changed.Count == 0 && IngestPipeline.ModelVersion == RecordedVersion,
            $"The bundled snapshot's outputs or the model version ({IngestPipeline.ModelVersion}) are not those recorded with {RecordedVersion}. "
            + "If the code now gives other outputs for the same files, bump IngestPipeline.ModelVersion; if only the snapshot's files changed, "
            + "the inputs hash changes with them and no bump is needed. Then record the version and these here:\n" + string.Join('\n', changed));
    }

    [Fact]
    public async Task RunIngestAsync_BundledSnapshot_PartitionEntriesAreThoseRecordedWithThePartitionVersion()
    {
        var store = TestPaths.NewTempFolder();
        var outcome = await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now));
        Assert.Equal(RunStatus.Published, outcome.Status);

        // partitions/{source}/{part}/{version}/{sha256}/{file}; plan records are not outputs.
        var root = Path.Combine(store, PartitionCache.Root);
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar))
            .Where(p => p.Length == 5 && !p[4].EndsWith(".parquet", StringComparison.Ordinal))
            .ToList();
        Assert.Equal([IngestPipeline.PartitionVersion], files.Select(p => p[2]).Distinct());
        var entries = files.ToDictionary(
            p => $"{p[0]}/{p[1]}/{p[4]}",
            p => Sha256WithoutParquet(File.ReadAllBytes(Path.Combine(root, Path.Combine(p))), p[4])[..16],
            StringComparer.Ordinal);

        var changed = entries.Keys.Union(RecordedPartitions.Keys).Order(StringComparer.Ordinal)
            .Where(p => entries.GetValueOrDefault(p) != RecordedPartitions.GetValueOrDefault(p))
            .Select(p => $"[\"{p}\"] = \"{entries.GetValueOrDefault(p)}\",")
            .ToList();
        Assert.True(
            changed.Count == 0 && IngestPipeline.PartitionVersion == RecordedPartitionVersion,
            $"The bundled snapshot's partition entries or the partition version ({IngestPipeline.PartitionVersion}) are not those recorded with {RecordedPartitionVersion}. "
            + "If the code now normalises the same files otherwise, bump IngestPipeline.PartitionVersion (and IngestPipeline.ModelVersion: their parts are published); "
            + "if only the snapshot's files changed, no bump is needed. Then record the version and these here:\n" + string.Join('\n', changed));
    }

    /// <summary>A summary's sha256 without its Parquet files' entries (their bytes name the library's version); another file's own.</summary>
    private static string Sha256WithoutParquet(byte[] bytes, string name)
    {
        if (name == "summary.json")
        {
            var summary = JsonNode.Parse(bytes)!.AsObject();
            var kept = summary["files"]!.AsArray().Where(f => (string?)f!["format"] != "parquet").Select(f => f!.DeepClone()).ToArray();
            summary["files"] = new JsonArray(kept);
            bytes = System.Text.Encoding.UTF8.GetBytes(summary.ToJsonString());
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
