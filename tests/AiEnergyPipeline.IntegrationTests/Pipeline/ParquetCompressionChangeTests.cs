using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Time.Testing;
using Parquet;
using Parquet.Meta;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>
/// A change of <c>Parquet__Compression</c> over unchanged inputs: the next run re-normalises the
/// cached partitions and publishes a new run whose Parquet files have the new codec, rather than
/// finding nothing new and leaving files of the old codec published; going back reuses the cache
/// of the first codec.
/// </summary>
public class ParquetCompressionChangeTests
{
    private static async Task<RunOutcome> RunAsync(string store, string codec, int hoursLater) =>
        await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now.AddHours(hoursLater)),
            settings: new Dictionary<string, string?> { ["Parquet:Compression"] = codec });

    private static PartitionStatus[] BalanceStatuses(RunOutcome outcome) =>
        [.. outcome.Report.Partitions!.Where(p => p.Source == Eia930BulkSource.SourceName).Select(p => p.Status)];

    /// <summary>The codec of every column chunk of every published ba_hourly part of the run.</summary>
    private static async Task<HashSet<CompressionCodec>> CodecsAsync(string store, string runId)
    {
        var codecs = new HashSet<CompressionCodec>();
        foreach (var part in Directory.GetFiles(Path.Combine(store, "runs", runId, "data", "ba_hourly"), "*.parquet"))
        {
            await using var file = File.OpenRead(part);
            await using var reader = await ParquetReader.CreateAsync(file);
            codecs.UnionWith(reader.Metadata!.RowGroups.SelectMany(g => g.Columns).Select(c => c.MetaData!.Codec));
        }

        return codecs;
    }

    /// <summary>The run's datapackage.json model_version: the model and, where not the default, the codec.</summary>
    private static string? ModelVersionOf(string store, string runId) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(store, RunPublisher.DataPackagePath(runId))))!["model_version"]?.GetValue<string>();

    [Fact]
    public async Task RunAsync_CodecChangedOverUnchangedInputs_RenormalisesAndPublishesTheNewCodecThenReusesTheFirstOnReturn()
    {
        var store = TestPaths.NewTempFolder();
        var snappy = await RunAsync(store, "Snappy", 0);
        Assert.Equal(RunStatus.Published, snappy.Status);
        Assert.Equal([CompressionCodec.SNAPPY], await CodecsAsync(store, snappy.RunId));

        var zstd = await RunAsync(store, "Zstd", 1);

        Assert.True(zstd.Status == RunStatus.Published, zstd.Message);
        Assert.NotEqual(snappy.RunId, zstd.RunId);
        Assert.All(BalanceStatuses(zstd), s => Assert.Equal(PartitionStatus.Normalised, s));
        Assert.Equal([CompressionCodec.ZSTD], await CodecsAsync(store, zstd.RunId));
        Assert.Equal((IngestPipeline.ModelVersion, IngestPipeline.ModelVersion + "-parquet-zstd"), (ModelVersionOf(store, snappy.RunId), ModelVersionOf(store, zstd.RunId)));

        var back = await RunAsync(store, "Snappy", 2);

        Assert.True(back.Status == RunStatus.Published, back.Message);
        Assert.All(BalanceStatuses(back), s => Assert.Equal(PartitionStatus.Reused, s));
        Assert.Equal([CompressionCodec.SNAPPY], await CodecsAsync(store, back.RunId));
        // The same inputs and codec as the first run: the same inputs hash, the tail of the run id.
        Assert.Equal(snappy.RunId[^6..], back.RunId[^6..]);
    }
}
