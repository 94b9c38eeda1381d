using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;
using AiEnergyPipeline.Vocabulary;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>The Parquet sibling of every published table, read back with Parquet.Net against datapackage.json and the CSV.</summary>
public class ParquetPipelineTests
{
    /// <summary>The type Parquet.Net reads a column of each Frictionless type as.</summary>
    private static Type ExpectedType(string frictionless) => frictionless switch
    {
        "string" or "yearmonth" => typeof(string),
        "number" => typeof(double),
        "integer" => typeof(long),
        "boolean" => typeof(bool),
        "year" => typeof(int),
        "date" => typeof(DateOnly),
        "datetime" => typeof(DateTime),
        _ => throw new InvalidOperationException($"no expected Parquet type for {frictionless}"),
    };

    private static List<JsonElement> Resources(string runFolder) =>
        TestPipeline.ReadJson(Path.Combine(runFolder, "datapackage.json")).GetProperty("resources").EnumerateArray().ToList();

    [Fact]
    public async Task RunAsync_BundledSnapshot_EveryCsvTableHasAParquetListedRightAfterIt()
    {
        var store = TestPaths.NewTempFolder();

        var outcome = await TestPipeline.RunIngestAsync(store);

        var resources = Resources(Path.Combine(store, "runs", outcome.RunId));
        var names = resources.Select(r => r.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        for (var i = 0; i < resources.Count; i++)
        {
            if (resources[i].GetProperty("format").GetString() != "csv")
            {
                continue;
            }

            var sibling = resources[i + 1];
            Assert.Equal(names[i] + ".parquet", names[i + 1]);
            Assert.Equal("parquet", sibling.GetProperty("format").GetString());
            Assert.Equal("application/vnd.apache.parquet", sibling.GetProperty("mediatype").GetString());
            Assert.Equal(Path.ChangeExtension(resources[i].GetProperty("path").GetString(), ".parquet"), sibling.GetProperty("path").GetString());
            Assert.Equal(resources[i].GetProperty("schema").GetRawText(), sibling.GetProperty("schema").GetRawText());
        }

        // Every CSV has its Parquet: 15 data tables (ba_hourly in 3 parts; generator_changes, planned_realisation, planned_vs_built_by_year,
        // queue_completion_rates and queue_changes among them) and 4 gap tables.
        Assert.Equal(19, names.Count(n => n.EndsWith(".parquet", StringComparison.Ordinal)));
        Assert.Contains(outcome.Report.Tables, t => t.Name == "ba_hourly" && t.Format == "parquet" && t.Rows == 5264 && t.Parts == 3);
        var latest = TestPipeline.ReadJson(Path.Combine(store, "latest.json")).GetProperty("tables").EnumerateArray();
        Assert.Contains(latest, t => t.GetProperty("name").GetString() == "gap_by_year" && t.GetProperty("format").GetString() == "parquet");
    }

    [Fact]
    public async Task RunAsync_BundledSnapshot_EveryParquetReadsBackWithTheSchemaTypesRowsAndValuesOfItsCsv()
    {
        var store = TestPaths.NewTempFolder();
        var outcome = await TestPipeline.RunIngestAsync(store);
        var runFolder = Path.Combine(store, "runs", outcome.RunId);
        var resources = Resources(runFolder);

        var parquets = resources.Where(r => r.GetProperty("format").GetString() == "parquet").ToList();
        Assert.NotEmpty(parquets);
        foreach (var resource in parquets)
        {
            var path = Path.Combine(runFolder, resource.GetProperty("path").GetString()!);
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), resource.GetProperty("sha256").GetString());
            Assert.Equal(bytes.Length, resource.GetProperty("bytes").GetInt64());
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
            var back = await ParquetReadBack.ReadAsync(path);
            Assert.Equal(fields.Select(f => f.GetProperty("name").GetString()), back.Columns);
            Assert.Equal(fields.Select(f => ExpectedType(f.GetProperty("type").GetString()!)), back.ClrTypes);
            Assert.All(back.LogicalTypes.Where((_, i) => fields[i].GetProperty("type").GetString() == "datetime"), t => Assert.Equal("INT64 TIMESTAMP(utc=True,MICROS)", t));
            Assert.Equal(resource.GetProperty("row_count").GetInt64(), back.Rows.Count);

            var csv = ReadCsv(Path.ChangeExtension(path, ".csv"));
            Assert.Equal(csv.Count, back.Rows.Count);
            for (var r = 0; r < csv.Count; r++)
            {
                for (var c = 0; c < fields.Count; c++)
                {
                    Assert.True(
                        Same(csv[r][c], back.Rows[r][c]),
                        $"{resource.GetProperty("name").GetString()} row {r + 1} column {back.Columns[c]}: CSV '{csv[r][c]}', Parquet '{back.Rows[r][c]}'");
                }
            }
        }
    }

    [Fact]
    public async Task Recompute_LatestRun_PublishesEveryDataParquetByteForByteAndTheGapsParquetWithTheOverride()
    {
        var store = TestPaths.NewTempFolder();
        var ingest = await TestPipeline.RunIngestAsync(store);
        var ingestResources = Resources(Path.Combine(store, "runs", ingest.RunId));

        RunOutcome outcome;
        await using (var services = TestPipeline.Build(TestPipeline.FolderStore(store), new FakeTimeProvider(TestPipeline.Now.AddHours(1))))
        {
            var request = RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { ["reserve_margin"] = 0.25 } };
            outcome = await TestPipeline.RecomputeAsync(services, request);
        }

        Assert.Equal(RunStatus.Published, outcome.Status);
        var resources = Resources(Path.Combine(store, "runs", outcome.RunId));
        Assert.Equal(ingestResources.Select(r => r.GetProperty("name").GetString()), resources.Select(r => r.GetProperty("name").GetString()));
        // The data/ tables are the ingest's, CSV and Parquet, ba_hourly's parts among them: copied byte for byte.
        foreach (var resource in resources.Where(r => r.GetProperty("path").GetString()!.StartsWith("data/", StringComparison.Ordinal)))
        {
            var before = ingestResources.Single(r => r.GetProperty("name").GetString() == resource.GetProperty("name").GetString());
            Assert.Equal(before.GetProperty("sha256").GetString(), resource.GetProperty("sha256").GetString());
        }

        var gap = await ParquetReadBack.ReadAsync(Path.Combine(store, "runs", outcome.RunId, "gap", "gap_by_year.parquet"));
        Assert.All(gap.Rows, row => Assert.Equal(0.25, row[gap.Columns.ToList().IndexOf("reserve_margin")]));
    }

    private static List<string[]> ReadCsv(string path)
    {
        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ',' });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        }

        return rows;
    }

    /// <summary>Whether a CSV cell and a Parquet value are the same value: an empty cell is a null.</summary>
    private static bool Same(string cell, object? value) => value switch
    {
        null => cell.Length == 0,
        string s => s == cell,
        double d => d == double.Parse(cell, CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) == cell,
        int i => i.ToString(CultureInfo.InvariantCulture) == cell,
        bool b => (b ? "true" : "false") == cell,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == cell,
        DateTime t => t.Kind == DateTimeKind.Utc && t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) == cell,
        _ => false,
    };
}
