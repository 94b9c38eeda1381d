using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.IntegrationTests.Cli;

/// <summary>aienergy datasets and download with the tables' Parquet siblings.</summary>
public class CliParquetTests
{
    [Fact]
    public async Task DownloadFormatParquet_AfterARun_WritesThePublishedParquet()
    {
        var store = TestPaths.NewTempFolder();
        var run = await CliProcess.RunAsync(store, null, "run", "--store", store);
        var output = Path.Combine(TestPaths.NewTempFolder(), "annual.parquet");

        var datasets = await CliProcess.RunAsync(store, null, "datasets", "--store", store);
        var download = await CliProcess.RunAsync(store, null, "download", "ba_annual", "--format", "parquet", "--store", store, "-o", output);
        var unknown = await CliProcess.RunAsync(store, null, "download", "ba_annual", "--format", "xlsx", "--store", store);

        Assert.Matches(@"ba_annual\s+10 rows  csv, parquet", run.Stdout);
        Assert.Matches(@"ba_annual\s+10 rows  runs/\S+/data/ba_annual\.parquet", datasets.Stdout);
        // A table in parts: one line a format, which says which.
        Assert.Matches(@"ba_hourly\s+5,264 rows  runs/\S+/data/ba_hourly/\*\.csv \(3 parts: 2025_h1, 2025_h2, api\)", datasets.Stdout);
        Assert.Matches(@"ba_hourly\s+5,264 rows  runs/\S+/data/ba_hourly/\*\.parquet \(3 parts", datasets.Stdout);
        var inParts = await CliProcess.RunAsync(store, null, "download", "ba_hourly", "--format", "parquet", "--store", store);
        Assert.Equal(2, inParts.ExitCode);
        Assert.Contains("ask for one part; its parts are 2025_h1, 2025_h2, api. Give one with --part.", inParts.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, download.ExitCode);
        var runId = Directory.GetDirectories(Path.Combine(store, "runs")).Select(Path.GetFileName).Single()!;
        Assert.Equal(File.ReadAllBytes(Path.Combine(store, "runs", runId, "data", "ba_annual.parquet")), File.ReadAllBytes(output));
        Assert.Contains("of ba_annual.parquet", download.Stderr, StringComparison.Ordinal);
        Assert.Equal(10, (await ParquetReadBack.ReadAsync(output)).Rows.Count);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("format must be one of: csv, parquet, json, svg.", unknown.Stderr, StringComparison.Ordinal);
    }
}
