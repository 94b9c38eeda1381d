using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Functions;
using AiEnergyPipeline.IntegrationTests.Functions;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.IntegrationTests.Sources.Eia930;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Vocabulary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>
/// The offline run reads the bundled snapshot: files this project wrote. Everything it publishes
/// must say so, and nothing it keeps may pass a sample off as a file fetched from a real URL.
/// </summary>
public sealed class SampleRunLabelTests
{
    private static readonly string[] RealHosts = ["eia.gov", "ember-energy.org", "lbl.gov"];

    [Fact]
    public async Task Run_BundledSnapshot_LabelsEverySourceReportHeadlineAndChartAsSample()
    {
        var store = TestPaths.NewTempFolder();
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(store));

        var outcome = await new InProcessFanOut(services).RunAsync("test", CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        var run = Path.Combine(store, RunPublisher.RunFolder(outcome.RunId));
        var package = TestPipeline.ReadJson(Path.Combine(run, "datapackage.json"));
        Assert.Equal("sample", package.GetProperty("mode").GetString());
        Assert.True(package.GetProperty("sample").GetBoolean());
        var sources = package.GetProperty("sources").EnumerateArray().ToList();
        var samples = sources.Where(s => s.GetProperty("name").GetString() != CuratedSource.SourceName).ToList();
        Assert.True(samples.Count >= 10, $"{samples.Count} sample sources");
        foreach (var source in samples)
        {
            Assert.Equal("sample", source.GetProperty("origin").GetString());
            var path = source.GetProperty("path").GetString()!;
            Assert.StartsWith(SnapshotAnswer.SamplePathPrefix, path, StringComparison.Ordinal);
            Assert.DoesNotContain("://", path, StringComparison.Ordinal);
            // What it imitates: the dataset, its publisher and the publisher's page about it; no file's address.
            var sampleOf = source.GetProperty("sample_of");
            Assert.False(string.IsNullOrWhiteSpace(sampleOf.GetProperty("dataset").GetString()), source.ToString());
            Assert.False(string.IsNullOrWhiteSpace(sampleOf.GetProperty("publisher").GetString()), source.ToString());
            Assert.StartsWith("https://", sampleOf.GetProperty("documentation_url").GetString(), StringComparison.Ordinal);
            Assert.Equal(["dataset", "publisher", "documentation_url"], sampleOf.EnumerateObject().Select(p => p.Name));
            foreach (var absent in new[] { "fetched_at", "etag", "last_modified", "recorded_at" })
            {
                Assert.False(source.TryGetProperty(absent, out _), $"{absent} in {source}");
            }
        }

        // The curated files are the project's own, cited row by row: curated, not sample, and not fetched either.
        Assert.All(sources.Except(samples), s => Assert.Equal("curated", s.GetProperty("origin").GetString()));
        Assert.All(sources.Except(samples), s => Assert.False(s.TryGetProperty("fetched_at", out var at) && at.ValueKind != JsonValueKind.Null, s.ToString()));

        // No publisher is credited with the sample's numbers: each source's licence entry says it is a sample in that publisher's format.
        var licences = package.GetProperty("licenses").EnumerateArray().ToList();
        Assert.All(licences.Where(l => l.GetProperty("name").GetString() != Licences.Curated.Name), l =>
        {
            Assert.Equal(Licences.SampleName, l.GetProperty("name").GetString());
            Assert.Matches("^Sample written by this project in the format of .+; not .+ data\\.$", l.GetProperty("attribution").GetString());
        });
        Assert.Equal(4, licences.Count(l => l.GetProperty("name").GetString() == Licences.SampleName));
        var page = await File.ReadAllTextAsync(Path.Combine(run, "index.html"));
        foreach (var credit in new[] { Licences.EiaPublicDomain.Attribution!, Licences.EmberCcBy4.Attribution!, "Lawrence Berkeley National Laboratory", "(Ember;", "Licence CC-BY-4.0" })
        {
            Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(credit), page, StringComparison.Ordinal);
            Assert.DoesNotContain(credit, await File.ReadAllTextAsync(Path.Combine(run, "datapackage.json")), StringComparison.Ordinal);
        }

        Assert.Contains("not Ember data; gap/us_vs_china_additions.csv).</figcaption>", page, StringComparison.Ordinal);
        // The page links what a sample imitates only by its documentation page, and no address the snapshot invented.
        Assert.DoesNotContain("href=\"https://www.eia.gov/electricity/data/eia860m/xls/", page, StringComparison.Ordinal);
        Assert.DoesNotContain(".example", page, StringComparison.Ordinal);
        Assert.Contains("in the format of EIA-860M Monthly Update to the Annual Electric Generator Report (<a href=\"https://www.eia.gov/electricity/data/eia860m/\"", page, StringComparison.Ordinal);

        var report = TestPipeline.ReadJson(Path.Combine(run, "report.json"));
        Assert.Equal("sample", report.GetProperty("mode").GetString());
        Assert.True(report.GetProperty("sample").GetBoolean());
        Assert.Equal("sample", TestPipeline.ReadJson(Path.Combine(store, RunPublisher.LatestPath)).GetProperty("mode").GetString());

        var headline = TestPipeline.ReadJson(Path.Combine(run, "gap", "headline.json"));
        Assert.True(headline.GetProperty("sample").GetBoolean());
        var sentences = headline.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("headline").GetString()!).ToList();
        Assert.NotEmpty(sentences);
        Assert.All(sentences, s => Assert.StartsWith("SAMPLE DATA, NOT REAL: ", s, StringComparison.Ordinal));

        // Every row says where it came from in its last column, so a row copied out of its CSV still reads
        // sample; the curated citations say curated; each resource says the least direct of its rows.
        var tables = 0;
        foreach (var resource in package.GetProperty("resources").EnumerateArray())
        {
            var curated = resource.GetProperty("name").GetString()!.StartsWith("demand_scenarios", StringComparison.Ordinal);
            Assert.Equal(curated ? "curated" : "sample", resource.GetProperty("origin").GetString());
            if (resource.GetProperty("format").GetString() == "csv")
            {
                var origins = RowOrigins(Path.Combine(run, resource.GetProperty("path").GetString()!));
                string[] expected = resource.GetProperty("row_count").GetInt64() == 0 ? []
                    : curated ? ["curated"]
                    : resource.GetProperty("name").GetString() == "assumptions" ? ["curated", "sample"]
                    : ["sample"];
                Assert.Equal(expected, origins);
                tables++;
            }
        }

        Assert.True(tables >= 15, $"{tables} CSV files");

        // Every Parquet file made from sample files says it in its footer, where a file read on its own
        // keeps it; the curated citations' does not, as their rows say curated.
        var parquetFiles = Directory.GetFiles(run, "*.parquet", SearchOption.AllDirectories);
        Assert.True(parquetFiles.Length >= 15, $"{parquetFiles.Length} Parquet files");
        foreach (var parquet in parquetFiles)
        {
            await using var stream = File.OpenRead(parquet);
            await using var reader = await Parquet.ParquetReader.CreateAsync(stream);
            if (Path.GetFileName(parquet) == "demand_scenarios.parquet")
            {
                Assert.False(reader.CustomMetadata.ContainsKey(AiEnergyPipeline.Tables.ParquetLabels.SampleKey), parquet);
                continue;
            }

            Assert.Equal("true", reader.CustomMetadata.GetValueOrDefault(AiEnergyPipeline.Tables.ParquetLabels.SampleKey));
            Assert.StartsWith("SAMPLE DATA, NOT REAL: ", reader.CustomMetadata[AiEnergyPipeline.Tables.ParquetLabels.WarningKey], StringComparison.Ordinal);
        }

        var svg = await File.ReadAllTextAsync(Path.Combine(run, "gap", "gap.svg"));
        Assert.Contains("SAMPLE DATA", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Sources: EIA-860M", svg, StringComparison.Ordinal);

        foreach (var file in Directory.EnumerateFiles(Path.Combine(store, "state"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(store, "partitions"), "*.json", SearchOption.AllDirectories)))
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.All(RealHosts, host => Assert.DoesNotContain(host, text, StringComparison.OrdinalIgnoreCase));
            // The fetch state kept for sample files (and the plans that copy it) gives them no fetch time.
            Assert.DoesNotMatch("\"fetched_at_utc\": *\"", text);
        }

        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(store, "state", "fetch"), "*.json", SearchOption.AllDirectories));
    }

    /// <summary>The distinct values of a CSV's origin column, its last, in order.</summary>
    private static List<string> RowOrigins(string path)
    {
        using var stream = File.OpenRead(path);
        using var csv = CsvHelper.CsvReader.Create(stream, CsvHelper.CsvReaderOptions.Default with { Separator = ',', AllowLineBreaksInQuotes = true }, leaveOpen: true);
        Assert.Equal(AiEnergyPipeline.Tables.OriginColumn.Name, csv.Headers[^1]);
        var origins = new SortedSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            origins.Add(csv.GetString(csv.FieldCount - 1));
        }

        return [.. origins];
    }

    [Fact]
    public async Task Functions_AfterASampleRun_SayTheDataIsASample()
    {
        await using var host = FunctionsHost.Create();
        var ingest = Json(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None));
        var runId = ingest.GetProperty("run_id").GetString()!;

        var datasets = Json(await host.Function<DatasetsFunction>().ListAsync(host.Get(), CancellationToken.None));
        var gap = Json(await host.Function<GapFunction>().GetAsync(host.Get(), CancellationToken.None));
        var report = await ReadAsync(await host.Function<RunsFunction>().GetAsync(host.Get(), runId, CancellationToken.None));

        Assert.True(ingest.GetProperty("sample").GetBoolean());
        Assert.Equal("sample", ingest.GetProperty("mode").GetString());
        Assert.True(datasets.GetProperty("sample").GetBoolean());
        Assert.Equal("sample", datasets.GetProperty("mode").GetString());
        Assert.True(gap.GetProperty("sample").GetBoolean());
        Assert.All(gap.GetProperty("headline").EnumerateArray(), h => Assert.StartsWith("SAMPLE DATA, NOT REAL: ", h.GetProperty("headline").GetString(), StringComparison.Ordinal));
        Assert.True(report.GetProperty("sample").GetBoolean());
        Assert.Equal("sample", report.GetProperty("mode").GetString());
    }

    private static JsonElement Json(IActionResult result) =>
        JsonSerializer.SerializeToElement(Assert.IsType<ObjectResult>(result, exactMatch: false).Value);

    private static async Task<JsonElement> ReadAsync(IActionResult result)
    {
        var stream = Assert.IsType<FileStreamResult>(result);
        await using var content = stream.FileStream;
        return (await JsonDocument.ParseAsync(content)).RootElement.Clone();
    }
}
