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
    private const string RecordedVersion = "ingest-v10-gap-v9";

    private static readonly Dictionary<string, string> Recorded = new(StringComparer.Ordinal)
    {
        ["data/assumptions.csv"] = "f85bab7e76b472a3",
        ["data/ba_annual.csv"] = "1660cf07844aa488",
        ["data/ba_hourly/2025_h1.csv"] = "a34b2b584abd093b",
        ["data/ba_hourly/2025_h2.csv"] = "987203267f00dddd",
        ["data/ba_hourly/api.csv"] = "0bfb054e73ebd2ab",
        ["data/country_capacity.csv"] = "082950cb5bdb3e30",
        ["data/demand_scenarios.csv"] = "63aa3ad502445a05",
        ["data/generator_changes.csv"] = "9fd64904eb704833",
        ["data/generators.csv"] = "713a5d23d704a890",
        ["data/planned_realisation.csv"] = "19f62272544a7860",
        ["data/planned_vs_built_by_year.csv"] = "fa0f9e5e4618cbcd",
        ["data/quarantine.csv"] = "8ed6057d3cb3edcf",
        ["data/queue_changes.csv"] = "ae97fdbf4a47b8ca",
        ["data/queue_completion_rates.csv"] = "ed5d4dc6c97c1382",
        ["data/queue_projects.csv"] = "1f8a7ab810d222ec",
        ["gap/additions_by_year_technology.csv"] = "c0ad5f912f83671b",
        ["gap/gap_by_region.csv"] = "c55180f54a000970",
        ["gap/gap_by_year.csv"] = "9298f5c64c3f2e7f",
        ["gap/headline.json"] = "2b26b2ce2491b5a4",
        ["gap/us_vs_china_additions.csv"] = "aa4944c04bcacbee",
    };

    // Recorded with the partition version: every file of the bundled snapshot's partition entries
    // (partitions/{source}/{part}/{version}/{sha256}/), by source, part and name, as above.
    private const string RecordedPartitionVersion = "partitions-v10";

    private static readonly Dictionary<string, string> RecordedPartitions = new(StringComparer.Ordinal)
    {
        ["eia860m/2023-01/generators.csv"] = "91fe6c074b4d162a",
        ["eia860m/2023-01/summary.json"] = "61e9529176c9eb59",
        ["eia860m/2024-01/generators.csv"] = "b06fe0bf1712ab70",
        ["eia860m/2024-01/summary.json"] = "f82af6d2cce47298",
        ["eia860m/2025-01/generators.csv"] = "1409dd5308288d37",
        ["eia860m/2025-01/summary.json"] = "9ac6fbb208bae6a3",
        ["eia860m/2026-01/generators.csv"] = "96c0aec93e37f895",
        ["eia860m/2026-01/summary.json"] = "aea569a0a0630136",
        ["eia860m/2026-07/generators.csv"] = "7758a08ab2702a0a",
        ["eia860m/2026-07/summary.json"] = "a2c300ad6acb78e8",
        ["eia860m/2026-08/generators.csv"] = "374de18304e3fdaa",
        ["eia860m/2026-08/summary.json"] = "6effbac1e80dbbed",
        ["eia930_bulk/2025_h1/ba_hourly.csv"] = "a34b2b584abd093b",
        ["eia930_bulk/2025_h1/summary.json"] = "501d8065619d0590",
        ["eia930_bulk/2025_h2/ba_hourly.csv"] = "987203267f00dddd",
        ["eia930_bulk/2025_h2/summary.json"] = "95083727ed1450bb",
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
        // Made from sample files: cached apart from entries of fetched files of the same bytes.
        Assert.Equal([IngestPipeline.PartitionVersion + "-sample"], files.Select(p => p[2]).Distinct());
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
