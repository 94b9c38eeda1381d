using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>The whole flow on the bundled snapshot, seen from the EIA-860M source and the generators table.</summary>
public class Eia860mPipelineTests
{
    private const string WorkbookFile = "eia860m/august_generator2026.xlsx";

    private static Task<RunOutcome> RunAsync(string store, string? snapshot = null, TimeProvider? time = null) =>
        TestPipeline.RunIngestAsync(store, snapshot, time);

    private static JsonElement ReadJson(string path) => TestPipeline.ReadJson(path);

    [Fact]
    public async Task RunAsync_BundledSnapshot_PublishesGeneratorsFromTheNewestVintage()
    {
        var store = TestPaths.NewTempFolder();

        var outcome = await RunAsync(store);

        Assert.Equal(RunStatus.Published, outcome.Status);
        var source = outcome.Report.Sources.Single(s => s.Name == "eia860m");
        Assert.Equal(
            ["january_generator2023.xlsx", "january_generator2024.xlsx", "january_generator2025.xlsx", "january_generator2026.xlsx", "july_generator2026.xlsx", "august_generator2026.xlsx"],
            source.Files.Select(f => f.FileName));
        Assert.True(source.RowsOut > 0);
        Assert.Equal((source.RowsIn, 0L), (source.RowsOut, source.RowsQuarantined));
        var lines = await File.ReadAllLinesAsync(Path.Combine(store, "runs", outcome.RunId, "data", "generators.csv"));
        Assert.Equal(string.Join(",", Schemas.Generators.ColumnNames), lines[0]);
        Assert.Equal(source.RowsOut, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("2026-08,", l, StringComparison.Ordinal));
        var package = ReadJson(Path.Combine(store, "runs", outcome.RunId, "datapackage.json"));
        var generators = package.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "generators");
        Assert.Equal(["plant_id", "generator_id", "report_month"], generators.GetProperty("schema").GetProperty("primary_key").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task RunAsync_Eia860mWorkbookIsAnHtmlPage_FailsNamingEia860mAndLeavesLatestOnThePreviousRun()
    {
        var store = TestPaths.NewTempFolder();
        var good = await RunAsync(store);
        var latestBefore = await File.ReadAllBytesAsync(Path.Combine(store, "latest.json"));
        var snapshot = TestPaths.CopyOfSnapshot();
        await File.WriteAllTextAsync(Path.Combine(snapshot, WorkbookFile), "<!DOCTYPE html><html><head><title>EIA</title></head><body>Page not found</body></html>");

        var failed = await RunAsync(store, snapshot, new FakeTimeProvider(TestPipeline.Now.AddHours(1)));

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains("eia860m: august_generator2026.xlsx: no EIA-860M workbook for vintage 2026-08", failed.Message, StringComparison.Ordinal);
        Assert.Contains("xls/august_generator2026.xlsx (the server answered with an HTML page", failed.Message, StringComparison.Ordinal);
        Assert.Equal(good.RunId, failed.LatestRunId);
        Assert.Equal(latestBefore, await File.ReadAllBytesAsync(Path.Combine(store, "latest.json")));
        var report = ReadJson(Path.Combine(store, "runs", failed.RunId, "report.json"));
        Assert.Equal("failed", report.GetProperty("status").GetString());
        var eia860m = report.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "eia860m");
        Assert.Equal("failed", eia860m.GetProperty("status").GetString());
        Assert.Contains("HTML page", eia860m.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(store, "runs", failed.RunId, "data")));
        // The page was refused before archiving: the raw archive holds only the good run's six vintages.
        Assert.Equal(6, Directory.GetFiles(Path.Combine(store, "raw", "eia860m")).Length);
    }

    [Fact]
    public async Task RunAsync_Eia860mWorkbookLosesASheet_FailsNamingTheSheetAndPublishesNothingNew()
    {
        var store = TestPaths.NewTempFolder();
        var good = await RunAsync(store);
        var snapshot = TestPaths.CopyOfSnapshot();
        TestKit.XlsxWriter.Write(Path.Combine(snapshot, WorkbookFile), new TestKit.Sheet("Operating", [["Plant ID", "Generator ID"]]));

        var failed = await RunAsync(store, snapshot, new FakeTimeProvider(TestPipeline.Now.AddHours(1)));

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains("eia860m: august_generator2026.xlsx: sheet 'Planned' is missing", failed.Message, StringComparison.Ordinal);
        Assert.Equal(good.RunId, failed.LatestRunId);
        Assert.Equal("failed", failed.Report.Sources.Single(s => s.Name == "eia860m").Status.ToString().ToLowerInvariant());
    }
}
