using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.TestKit;
using Microsoft.Extensions.Logging;
using static AiEnergyPipeline.Sources.Eia860m.Eia860mWorkbook;
using static AiEnergyPipeline.Tests.Sources.Eia860m.Eia860mSamples;

namespace AiEnergyPipeline.Tests.Sources.Eia860m;

public class Eia860mNormaliserTests
{
    private static readonly string CuratedCsv = Path.Combine(Repository.Root, "functions", "AiEnergyPipeline", "curated", TechnologyClassMap.FileName);

    private static FetchedFile Curated(string path) =>
        TestFiles.Fetched(Eia860mNormaliser.CuratedSource, TechnologyClassMap.FileName) with { LocalPath = path };

    private static async Task<(string[] Generators, string[] Quarantine, NormaliseContext Context, ListLogger<Eia860mNormaliser> Log)> NormaliseAsync(string workbook, FetchedFile? curated)
    {
        var staging = Repository.NewTempFolder();
        var files = new Dictionary<string, IReadOnlyList<FetchedFile>> { [Eia860mSource.SourceName] = [Fetched(workbook)] };
        if (curated is not null)
        {
            files[Eia860mNormaliser.CuratedSource] = [curated];
        }

        await using var quarantineWriter = TableWriter.Create(staging, Schemas.Quarantine, OriginColumn.Fetched);
        var context = new NormaliseContext(files, staging, new QuarantineTable(quarantineWriter, _ => OriginColumn.Fetched));
        var log = new ListLogger<Eia860mNormaliser>();
        var tables = await new Eia860mNormaliser(log).NormaliseAsync(context, CancellationToken.None);
        var quarantine = await quarantineWriter.CompleteAsync(CancellationToken.None);
        Assert.Equal(["generators", "generator_changes", "planned_realisation", "planned_vs_built_by_year"], tables.Select(t => t.Schema.Name));
        var table = tables[0];
        return (await File.ReadAllLinesAsync(table.LocalPath), await File.ReadAllLinesAsync(quarantine.LocalPath), context, log);
    }

    [Fact]
    public async Task NormaliseAsync_Workbook_WritesOneRowPerGeneratorInSchemaOrderWithItsClass()
    {
        var path = Write(Workbook(
            operating: [Operating(61001, "01", (PlannedRetirementMonth, 12.0), (PlannedRetirementYear, 2028.0), (PlantName, "Harlan Creek, Unit 1"))],
            planned: [Planned(61004, 1.0)],
            retired: [Retired(61003, "GT1")]));

        var (generators, _, context, _) = await NormaliseAsync(path, Curated(CuratedCsv));

        Assert.Equal(string.Join(",", Schemas.Generators.ColumnNames), generators[0]);
        Assert.Equal(
            [
                "2026-08,operating,61001,01,\"Harlan Creek, Unit 1\",TX,Ector,ERCO,IPP Non-CHP,Natural Gas Fired Combustion Turbine,gas_combustion_turbine,NG,GT,OP,100.5,95,98,2012-06,,2028-12,,31.87,-102.43,fetched",
                "2026-08,planned,61004,1,New Solar,AZ,,AZPS,,Solar Photovoltaic,solar_pv,SUN,PV,U,200,200,200,,2027-11,,,,,fetched",
                "2026-08,retired,61003,GT1,Old Coal,KY,,,,Conventional Steam Coal,coal,BIT,ST,RE,250,,,1959-01,,,2025-05,,,fetched",
            ],
            generators[1..]);
        var counts = context.CountsOf(Eia860mSource.SourceName);
        Assert.Equal((3L, 3L), (counts.RowsIn, counts.RowsOut));
    }

    [Fact]
    public async Task NormaliseAsync_UnknownTechnology_KeepsTheRowsAsUnknownAndWarnsWithTheirCount()
    {
        var path = Write(Workbook(operating:
        [
            Operating(1, "A", (Technology, "Hydrogen Fuel Cell Turbine")),
            Operating(1, "B", (Technology, "Hydrogen Fuel Cell Turbine")),
            Operating(1, "C", (Technology, "Solar  photovoltaic")),
        ]));

        var (generators, quarantine, _, log) = await NormaliseAsync(path, Curated(CuratedCsv));

        Assert.Equal(["unknown", "unknown", "solar_pv"], generators[1..].Select(l => l.Split(',')[10]));
        Assert.Single(quarantine);
        var warning = Assert.Single(log.Lines, l => l.Level == LogLevel.Warning);
        Assert.Equal("eia860m: technology 'Hydrogen Fuel Cell Turbine' is not in technology_classes.csv: 2 rows kept with accreditation_class unknown", warning.Message);
    }

    [Fact]
    public async Task NormaliseAsync_QuarantinedRows_GoToTheSharedQuarantineAndCountAsRead()
    {
        var path = Write(Workbook(operating: [Operating(1, "A"), Operating(1, "B", (Nameplate, "TBD"))]));

        var (generators, quarantine, context, _) = await NormaliseAsync(path, Curated(CuratedCsv));

        Assert.Equal(2, generators.Length);
        Assert.StartsWith("eia860m,august_generator2026.xlsx,raw/eia860m/abc.xlsx,5,sheet 'Operating' row 5: 'Nameplate Capacity (MW)' value 'TBD' is not a number,", quarantine[1], StringComparison.Ordinal);
        var counts = context.CountsOf(Eia860mSource.SourceName);
        Assert.Equal((2L, 1L, 1L), (counts.RowsIn, counts.RowsOut, context.Quarantine.CountOf(Eia860mSource.SourceName)));
    }

    [Fact]
    public async Task NormaliseAsync_WithoutTheCuratedSource_ReadsTheCopyShippedBesideTheProgram()
    {
        var path = Write(Workbook(operating: [Operating(1, "A", (Technology, "Batteries"))]));

        var (generators, _, _, log) = await NormaliseAsync(path, curated: null);

        Assert.True(File.Exists(Eia860mNormaliser.BundledTechnologyClasses));
        Assert.Equal("battery_storage", generators[1].Split(',')[10]);
        Assert.Contains(log.Lines, l => l.Message.Contains(Eia860mNormaliser.BundledTechnologyClasses, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NormaliseAsync_CuratedTableWithAClassOutsideTheVocabulary_FailsNamingFileAndLine()
    {
        var bad = Path.Combine(Repository.NewTempFolder(), TechnologyClassMap.FileName);
        await File.WriteAllTextAsync(bad, "technology,accreditation_class,notes\nBatteries,battery_storage,\nNuclear,baseload,\n");

        var error = await Assert.ThrowsAsync<SourceException>(() => NormaliseAsync(Write(Workbook()), Curated(bad)));

        Assert.Equal("curated", error.SourceName);
        Assert.StartsWith("curated: technology_classes.csv: line 3: 'baseload' is not an accreditation class", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NormaliseAsync_WorkbookIsAnHtmlPage_FailsTheSource()
    {
        var html = Path.Combine(Repository.NewTempFolder(), FileName);
        await File.WriteAllTextAsync(html, "<html><body>The page you requested cannot be found.</body></html>");

        var error = await Assert.ThrowsAsync<SourceException>(() => NormaliseAsync(html, Curated(CuratedCsv)));

        Assert.Equal(("eia860m", FileName), (error.SourceName, error.File));
    }

    [Fact]
    public async Task NormaliseAsync_BundledSnapshotWorkbook_ReadsEverySheetWithKnownTechnologiesOnly()
    {
        var snapshot = Path.Combine(Snapshot.DefaultRoot, "eia860m", FileName);

        var (generators, quarantine, context, log) = await NormaliseAsync(snapshot, Curated(CuratedCsv));

        var rows = generators[1..].Select(l => l.Split(',')).ToList();
        Assert.Single(quarantine);
        Assert.DoesNotContain(log.Lines, l => l.Level >= LogLevel.Warning);
        Assert.Equal(["canceled", "operating", "planned", "retired"], rows.Select(r => r[1]).Distinct().Order());
        Assert.DoesNotContain("unknown", rows.Select(r => r[10]));
        Assert.Contains(rows, r => r[3] == "01");
        Assert.Contains(rows, r => r[3] == "GT1");
        Assert.Contains(rows, r => r[1] == "planned" && string.CompareOrdinal(r[18], "2029-01") > 0);
        Assert.Contains(rows, r => r[19].Length > 0);
        Assert.DoesNotContain(rows, r => r[5] == "PR");
        Assert.Equal(context.CountsOf(Eia860mSource.SourceName).RowsOut, rows.Count);
    }

    [Fact]
    public async Task NormaliseAsync_TwoJanuaryVintages_GeneratorsFromTheNewestAndACohortThatReAdds()
    {
        var january2025 = WriteAs("january_generator2025.xlsx", Workbook(
            planned: [Planned(61004, "A", (PlannedOperationYear, 2025.0)), Planned(61005, "B", (PlannedOperationYear, 2025.0), (Nameplate, 50.0))]));
        var january2026 = WriteAs("january_generator2026.xlsx", Workbook(
            operating: [Operating(61004, "A", (Technology, "Solar Photovoltaic"), (OperatingYear, 2025.0))],
            planned: [Planned(61006, "C")]));
        var staging = Repository.NewTempFolder();
        await using var quarantineWriter = TableWriter.Create(staging, Schemas.Quarantine, OriginColumn.Fetched);
        var files = new Dictionary<string, IReadOnlyList<FetchedFile>> { [Eia860mSource.SourceName] = [Fetched(january2026), Fetched(january2025)] };
        var context = new NormaliseContext(files, staging, new QuarantineTable(quarantineWriter, _ => OriginColumn.Fetched));

        var tables = await new Eia860mNormaliser(new ListLogger<Eia860mNormaliser>()).NormaliseAsync(context, CancellationToken.None);

        var generators = await File.ReadAllLinesAsync(tables[0].LocalPath);
        Assert.All(generators.Skip(1), l => Assert.StartsWith("2026-01,", l, StringComparison.Ordinal));
        var realisation = await File.ReadAllLinesAsync(tables.Single(t => t.Schema.Name == "planned_realisation").LocalPath);
        // 200 MW of A came online, 50 MW of B vanished.
        Assert.Contains("2025,all,all,2,250,200,0,0,50,0.8,,2025-01,2026-01,fetched", realisation);
    }
}
