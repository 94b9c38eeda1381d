using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Sources.Curated;

public class CuratedNormaliserTests
{
    private static FetchedFile Local(string path) =>
        TestFiles.Fetched(CuratedSource.SourceName, Path.GetFileName(path)) with { LocalPath = path };

    /// <summary>Runs the normaliser over <paramref name="files"/>; returns the staged tables, the quarantine file and the counts.</summary>
    private static async Task<(IReadOnlyList<StagedTable> Tables, string[] Quarantine, SourceCounts Counts)> RunAsync(params string[] files)
    {
        var staging = Repository.NewTempFolder();
        await using var quarantineWriter = TableWriter.Create(staging, Schemas.Quarantine, OriginColumn.Fetched);
        var context = new NormaliseContext(
            new Dictionary<string, IReadOnlyList<FetchedFile>> { [CuratedSource.SourceName] = files.Select(Local).ToList() },
            staging,
            new QuarantineTable(quarantineWriter, _ => OriginColumn.Fetched));

        var tables = await new CuratedNormaliser().NormaliseAsync(context, CancellationToken.None);

        var quarantine = await quarantineWriter.CompleteAsync(CancellationToken.None);
        return (tables, await File.ReadAllLinesAsync(quarantine.LocalPath), context.CountsOf(CuratedSource.SourceName));
    }

    private static string[] ShippedFiles() =>
        [Path.Combine(CuratedOptions.DefaultPath, DemandScenariosCsv.FileName), Path.Combine(CuratedOptions.DefaultPath, AssumptionsCsv.FileName)];

    [Fact]
    public async Task NormaliseAsync_ShippedFiles_WritesBothTablesInSchemaOrderWithoutQuarantine()
    {
        var (tables, quarantine, counts) = await RunAsync(ShippedFiles());

        Assert.Equal(["demand_scenarios", "assumptions"], tables.Select(t => t.Schema.Name));
        Assert.Single(quarantine);
        foreach (var table in tables)
        {
            var lines = await File.ReadAllLinesAsync(table.LocalPath);
            Assert.Equal(string.Join(',', table.Schema.ColumnNames), lines[0]);
            Assert.True(table.Rows > 0);
        }

        Assert.Equal(counts.RowsIn, counts.RowsOut);
        Assert.Equal(tables.Sum(t => t.Rows), counts.RowsOut);
    }

    [Fact]
    public async Task NormaliseAsync_ShippedFiles_WritesTheConvertedLoadAndTheLoadFactorUsed()
    {
        var (tables, _, _) = await RunAsync(ShippedFiles());

        var lines = await File.ReadAllLinesAsync(tables[0].LocalPath);
        Assert.Contains(lines, l => l.StartsWith("lbnl_2024_low,2028,325,TWh,energy,46.3756,0.8,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("anthropic_build_ai_2028,2028,50,GW,capacity,50,,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("epri_2024_low,2030,4.6,%,share,26.2557,0.8,", StringComparison.Ordinal));
        var assumptions = await File.ReadAllLinesAsync(tables[1].LocalPath);
        Assert.Contains(assumptions, l => l.StartsWith("reserve_margin,0.18,fraction,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NormaliseAsync_SameFilesTwice_WritesTheSameBytes()
    {
        var first = await RunAsync(ShippedFiles());
        var second = await RunAsync(ShippedFiles());

        Assert.Equal(first.Tables.Select(t => t.Sha256), second.Tables.Select(t => t.Sha256));
    }

    [Fact]
    public async Task NormaliseAsync_BadRows_AreQuarantinedAndCountedAndTheRestWritten()
    {
        var folder = Repository.NewTempFolder();
        var assumptions = Path.Combine(folder, AssumptionsCsv.FileName);
        var scenarios = Path.Combine(folder, DemandScenariosCsv.FileName);
        await File.WriteAllLinesAsync(assumptions,
        [
            CuratedSamples.AssumptionHeader,
            CuratedSamples.Assumption("load_factor.data_centre", "0.8"),
            CuratedSamples.Assumption("accreditation_factor.coal", "83"),
        ]);
        await File.WriteAllLinesAsync(scenarios,
        [
            CuratedSamples.ScenarioHeader,
            CuratedSamples.Scenario("lbnl_2024_low", "2028", "325", "TWh", "energy"),
            CuratedSamples.Scenario("x", "2028", "50", "GW", "capacity", source: ""),
        ]);

        var (tables, quarantine, counts) = await RunAsync(scenarios, assumptions);

        Assert.Equal(3, quarantine.Length);
        Assert.StartsWith("curated,assumptions.csv,raw/curated/0000.csv,3,\"accreditation_factor.coal is 83, outside [0, 1]\",", quarantine[1], StringComparison.Ordinal);
        Assert.StartsWith("curated,demand_scenarios.csv,raw/curated/0000.csv,3,'source' is empty", quarantine[2], StringComparison.Ordinal);
        Assert.Equal(4, counts.RowsIn);
        Assert.Equal(2, counts.RowsOut);
        Assert.Equal([1L, 1L], tables.Select(t => t.Rows));
    }

    [Fact]
    public async Task NormaliseAsync_AssumptionsFileNotFetched_FailsNamingItAndTheFilesThereAre()
    {
        var error = await Assert.ThrowsAsync<SourceException>(() => RunAsync(ShippedFiles()[0]));

        Assert.Equal("curated", error.SourceName);
        Assert.Equal("assumptions.csv", error.File);
        Assert.Contains("demand_scenarios.csv", error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NormaliseAsync_RequiredColumnMissing_FailsNamingFileAndColumn()
    {
        var folder = Repository.NewTempFolder();
        var scenarios = Path.Combine(folder, DemandScenariosCsv.FileName);
        var lines = await File.ReadAllLinesAsync(ShippedFiles()[0]);
        lines[0] = lines[0].Replace(",url,", ",link,", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(scenarios, lines);

        var error = await Assert.ThrowsAsync<SourceException>(() => RunAsync(scenarios, ShippedFiles()[1]));

        Assert.Equal("curated: demand_scenarios.csv: required column missing: 'url'.", error.Message);
    }
}
