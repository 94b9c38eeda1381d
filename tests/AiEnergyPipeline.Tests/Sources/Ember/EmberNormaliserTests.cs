using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Ember;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;
using CsvHelper;
using Microsoft.Extensions.Logging.Abstractions;
using System.Globalization;

namespace AiEnergyPipeline.Tests.Sources.Ember;

public class EmberNormaliserTests
{
    private const string RealFile = "ember/capacity_annual_database.csv";

    private sealed record Output(List<string> Lines, List<Row> Rows, List<QuarantineRecordRow> Quarantine, SourceCounts Counts);

    private sealed record Row(string Iso3, string Country, int Year, string Fuel, bool IsAggregate, double? CapacityGw, double? AdditionsGw, bool Complete);

    private sealed record QuarantineRecordRow(long Line, string Reason);

    private static async Task<Output> NormaliseAsync(string path, string fileName)
    {
        var staging = Repository.NewTempFolder();
        await using var quarantine = TableWriter.Create(staging, Schemas.Quarantine, OriginColumn.Fetched);
        var file = TestFiles.Fetched(EmberSource.SourceName, fileName) with { LocalPath = path };
        var context = new NormaliseContext(new Dictionary<string, IReadOnlyList<FetchedFile>> { [EmberSource.SourceName] = [file] }, staging, new QuarantineTable(quarantine, _ => OriginColumn.Fetched));

        var tables = await new EmberNormaliser(NullLogger<EmberNormaliser>.Instance).NormaliseAsync(context, CancellationToken.None);

        var table = Assert.Single(tables);
        Assert.Equal("country_capacity", table.Schema.Name);
        var quarantined = await quarantine.CompleteAsync(CancellationToken.None);
        var rows = ReadCsv(table.LocalPath, r => new Row(r[0], r[1], int.Parse(r[2], CultureInfo.InvariantCulture), r[3], bool.Parse(r[4]), Number(r[5]), Number(r[6]), bool.Parse(r[7])));
        var quarantineRows = ReadCsv(quarantined.LocalPath, r => new QuarantineRecordRow(long.Parse(r[3], CultureInfo.InvariantCulture), r[4]));
        Assert.Equal(table.Rows, rows.Count);
        return new Output([.. await File.ReadAllLinesAsync(table.LocalPath)], rows, quarantineRows, context.CountsOf(EmberSource.SourceName));
    }

    private static List<T> ReadCsv<T>(string path, Func<string[], T> map)
    {
        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default);
        var rows = new List<T>();
        while (csv.Read())
        {
            rows.Add(map(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray()));
        }

        return rows;
    }

    private static double? Number(string text) => text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task NormaliseAsync_LongSnapshot_WritesEveryCountryValueWithTotalsAndAdditionsSorted()
    {
        var output = await NormaliseAsync(EmberSamples.LongSnapshot, "yearly_full_release_long_format.csv");

        Assert.Equal("iso3,country,year,fuel,is_aggregate,capacity_gw,additions_gw,complete,origin", output.Lines[0]);
        // 4 countries x 6 years x 15 fuels, less 2 blanks, plus one total per country and year.
        Assert.Equal(4 * 6 * 15 - 2 + 4 * 6, output.Rows.Count);
        Assert.Empty(output.Quarantine);
        Assert.Equal((618L, (long)output.Rows.Count), (output.Counts.RowsIn, output.Counts.RowsOut));
        Assert.Equal(output.Rows.OrderBy(r => r.Iso3, StringComparer.Ordinal).ThenBy(r => r.Fuel, StringComparer.Ordinal).ThenBy(r => r.Year), output.Rows);
        Assert.Equal(["CHN", "DEU", "IND", "USA"], output.Rows.Select(r => r.Iso3).Distinct());
        Assert.Contains("CHN,China,2020,coal,false,1080,39.5,true,fetched", output.Lines);
        Assert.Contains("USA,United States of America,2024,solar,false,177.1,38.1,true,fetched", output.Lines);
        // Germany's other fossil (the oil group) is blank in 2019: its total is unknown, and so is 2020's addition.
        Assert.Contains("DEU,Germany,2019,total,true,,,false,fetched", output.Lines);
        Assert.Equal((null, true), output.Rows.Where(r => r is { Iso3: "DEU", Year: 2020, Fuel: "total" }).Select(r => (r.AdditionsGw, r.Complete)).Single());
        // India's other renewables are blank in 2021: no row, and no additions the year after.
        Assert.Equal([(2020, (double?)0), (2022, null), (2023, 0)], output.Rows.Where(r => r is { Iso3: "IND", Fuel: "other_renewables" }).Skip(1).Take(3).Select(r => (r.Year, r.AdditionsGw)));
    }

    [Fact]
    public async Task NormaliseAsync_FileOfOnlyAHeader_FailsTheSourceNamingTheFile()
    {
        var path = Path.Combine(Repository.NewTempFolder(), "yearly_full_release_long_format.csv");
        await File.WriteAllTextAsync(path, EmberSamples.Long());

        var error = await Assert.ThrowsAsync<SourceException>(() => NormaliseAsync(path, "yearly_full_release_long_format.csv"));

        Assert.Equal("yearly_full_release_long_format.csv", error.File);
        Assert.Contains("no capacity value could be read (0 rows, 0 quarantined)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NormaliseAsync_WideFixtureAndLongSnapshotOfTheSameData_GiveTheSameTable()
    {
        var fromLong = await NormaliseAsync(EmberSamples.LongSnapshot, "yearly_full_release_long_format.csv");
        var fromWide = await NormaliseAsync(EmberSamples.WideFixture, "release_generation_yearly_global.csv");

        Assert.Equal(fromLong.Lines, fromWide.Lines);
    }

    [Fact]
    public async Task NormaliseAsync_LongSnapshot_TotalIsTheSumOfSingleFuelsOrEmptyWhereAGroupIsMissing()
    {
        var output = await NormaliseAsync(EmberSamples.LongSnapshot, "yearly_full_release_long_format.csv");

        AssertTotalsAreCompleteSumsOrEmpty(output.Rows);
    }

    [SkippableFact]
    public async Task NormaliseAsync_RealApiExtract_ReadsChinaCoal2019AndCountsEveryRow()
    {
        var path = TestFiles.RealData(RealFile);
        Skip.IfNot(File.Exists(path), $"needs ../shared/data/real/{RealFile}, which is not beside this checkout");

        var output = await NormaliseAsync(path, "capacity_annual_database.csv");

        Assert.Equal(1013.185, output.Rows.Single(r => r is { Iso3: "CHN", Year: 2019, Fuel: "coal" }).CapacityGw);
        Assert.Equal(80_818, output.Counts.RowsIn);
        // 21,427 values less 110 duplicates, plus one total per country-year: 4,143 (3,838 with single fuels).
        Assert.Equal(21_427 - 110 + 4_143, output.Counts.RowsOut);
        Assert.Equal(output.Rows.Count, output.Rows.Select(r => (r.Iso3, r.Year, r.Fuel)).Distinct().Count());
        Assert.Equal(205, output.Rows.Select(r => r.Iso3).Distinct().Count());
        Assert.Equal("Korea, Republic of", output.Rows.First(r => r.Iso3 == "KOR").Country);
        Assert.DoesNotContain(output.Rows, r => r.CapacityGw < 0);
    }

    [SkippableFact]
    public async Task NormaliseAsync_RealApiExtract_NeverAddsAggregatesToTheFuelsTheyContain()
    {
        var path = TestFiles.RealData(RealFile);
        Skip.IfNot(File.Exists(path), $"needs ../shared/data/real/{RealFile}, which is not beside this checkout");

        var output = await NormaliseAsync(path, "capacity_annual_database.csv");

        var china = output.Rows.Where(r => r is { Iso3: "CHN", Year: 2019 }).ToList();
        // The single fuels sum to 1,820.6 GW, short of gas and oil, which the extract leaves blank beside
        // fossil; fuels plus aggregates would be 3,753 GW. Neither is published: the total is unknown.
        Assert.Equal(1820.551358, china.Where(r => !r.IsAggregate).Sum(r => r.CapacityGw!.Value), 6);
        Assert.Equal(3753, china.Where(r => r.Fuel != "total").Sum(r => r.CapacityGw!.Value), 0);
        var total = china.Single(r => r.Fuel == "total");
        Assert.Equal((null, null, false), (total.CapacityGw, total.AdditionsGw, total.Complete));
        Assert.Equal(["fossil", "renewables", "total"], china.Where(r => r.IsAggregate).Select(r => r.Fuel));
        AssertTotalsAreCompleteSumsOrEmpty(output.Rows);
    }

    [SkippableFact]
    public async Task NormaliseAsync_RealApiExtract_LeavesEveryTotalWithAMissingFuelGroupEmpty()
    {
        var path = TestFiles.RealData(RealFile);
        Skip.IfNot(File.Exists(path), $"needs ../shared/data/real/{RealFile}, which is not beside this checkout");

        var output = await NormaliseAsync(path, "capacity_annual_database.csv");

        // The extract never has gas or other fossil, so no country-year reports every group: before the
        // guard, USA's total was 607.7 GW in 2019 and its 2020 "additions" -175.7 GW (China's -241.8 GW).
        var totals = output.Rows.Where(r => r.Fuel == "total").ToList();
        Assert.Equal(4_143, totals.Count);
        Assert.All(totals, t => Assert.Equal((null, null, false), (t.CapacityGw, t.AdditionsGw, t.Complete)));
        foreach (var (iso3, year) in new[] { ("USA", 2019), ("USA", 2020), ("CHN", 2020) })
        {
            var total = output.Rows.Single(r => r.Iso3 == iso3 && r.Year == year && r.Fuel == "total");
            Assert.Equal((null, null, false), (total.CapacityGw, total.AdditionsGw, total.Complete));
        }

        Assert.Equal(
            ["gas", "oil", "nuclear", "hydro", "other"],
            EmberFuelGroups.Missing(output.Rows.Where(r => r is { Iso3: "USA", Year: 2020, IsAggregate: false }).Select(r => r.Fuel)));
        // The fuels that are there keep their own year-on-year change.
        Assert.Equal(-11.303, output.Rows.Single(r => r is { Iso3: "USA", Year: 2020, Fuel: "coal" }).AdditionsGw!.Value, 6);
        Assert.All(output.Rows.Where(r => r.Fuel != "total"), r => Assert.True(r.Complete));
        AssertTotalsAreCompleteSumsOrEmpty(output.Rows);
    }

    [Fact]
    public async Task NormaliseAsync_SmallApiExtractWithEveryGroupInTwoYears_TotalIsTheSumAndAdditionsTheDifference()
    {
        var path = Path.Combine(Repository.NewTempFolder(), "capacity_annual_database.csv");
        string[] fuels = ["Coal", "Gas", "Other fossil", "Nuclear", "Hydro", "Wind", "Solar", "Bioenergy", "Other renewables"];
        double[] gw2019 = [40, 20, 1, 10, 9, 8, 7, 4, 1];
        double[] gw2020 = [39, 22, 1, 10, 9, 10, 12, 4, 1];
        await File.WriteAllTextAsync(path, EmberSamples.Api(
        [
            .. fuels.Select((f, i) => EmberSamples.ApiRow("Testland", "TST", 2019, f, gw2019[i].ToString(CultureInfo.InvariantCulture))),
            .. fuels.Select((f, i) => EmberSamples.ApiRow("Testland", "TST", 2020, f, gw2020[i].ToString(CultureInfo.InvariantCulture))),
            EmberSamples.ApiRow("Testland", "TST", 2019, "Fossil", "61"),
        ]));

        var output = await NormaliseAsync(path, "capacity_annual_database.csv");

        Assert.Contains("TST,Testland,2019,total,true,100,,true,fetched", output.Lines);
        Assert.Contains("TST,Testland,2020,total,true,108,8,true,fetched", output.Lines);
        Assert.Contains("TST,Testland,2019,fossil,true,61,,true,fetched", output.Lines);
        AssertTotalsAreCompleteSumsOrEmpty(output.Rows);
    }

    [SkippableFact]
    public async Task NormaliseAsync_RealApiExtract_SkipsBlanksRegionsAndNonCapacityAndQuarantinesBangladeshDuplicates()
    {
        var path = TestFiles.RealData(RealFile);
        Skip.IfNot(File.Exists(path), $"needs ../shared/data/real/{RealFile}, which is not beside this checkout");
        var stats = new EmberReadStats();
        await using (var stream = File.OpenRead(path))
        {
            foreach (var _ in EmberCapacityCsv.Read(stream, TestFiles.Fetched("ember"), q => Assert.Fail(q.Reason), stats))
            {
            }
        }

        var output = await NormaliseAsync(path, "capacity_annual_database.csv");

        Assert.Equal(EmberLayout.ApiExtract, stats.Layout);
        Assert.Equal((80_818L, 21_427L, 44_673L, 13_224L, 1_494L, 0L), (stats.Rows, stats.Values, stats.Blank, stats.NotCapacity, stats.NotCountry, stats.Quarantined));
        Assert.Equal(stats.Rows, stats.Values + stats.Blank + stats.NotCapacity + stats.NotCountry);
        // The extract lists Bangladesh twice for every year, with other values the second time: the first is kept.
        Assert.Equal(110, output.Quarantine.Count);
        Assert.All(output.Quarantine, q => Assert.Matches(@"^duplicate of line \d+: same ISO 3 code, year and fuel \(BGD \d{4} [a-z_]+\)$", q.Reason));
        Assert.Equal(21.095, output.Rows.Single(r => r is { Iso3: "BGD", Year: 2019, Fuel: "fossil" }).CapacityGw);
    }

    [SkippableFact]
    public async Task NormaliseAsync_RealDemandOverview_FailsSayingItIsNoCapacityLayout()
    {
        const string overview = "ember/country_overview_yearly.csv";
        var path = TestFiles.RealData(overview);
        Skip.IfNot(File.Exists(path), $"needs ../shared/data/real/{overview}, which is not beside this checkout");

        var error = await Assert.ThrowsAsync<SourceException>(() => NormaliseAsync(path, "country_overview_yearly.csv"));

        Assert.StartsWith("ember: country_overview_yearly.csv: the header matches none of the Ember layouts", error.Message, StringComparison.Ordinal);
        Assert.Contains("older API extract (date, country, alpha_3, variable, capacity_gw): required columns missing: 'variable', 'capacity_gw'", error.Message, StringComparison.Ordinal);
        Assert.Contains("The header was: country_or_region,country_code,year,demand_twh", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every country-year has one total: the sum of its single fuels where they report every group,
    /// else empty and incomplete. A total's addition needs a complete previous year with the same
    /// single fuels, so no addition can come from a fuel that is blank in one of the years.
    /// </summary>
    private static void AssertTotalsAreCompleteSumsOrEmpty(List<Row> rows)
    {
        var byYear = rows.GroupBy(r => (r.Iso3, r.Year)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var ((iso3, year), group) in byYear)
        {
            var singles = group.Where(r => !r.IsAggregate).ToList();
            var total = Assert.Single(group, r => r.Fuel == "total");
            Assert.Equal(EmberFuelGroups.Missing(singles.Select(r => r.Fuel)).Count == 0, total.Complete);
            if (!total.Complete)
            {
                Assert.Equal((null, null), (total.CapacityGw, total.AdditionsGw));
                continue;
            }

            Assert.Equal(singles.Sum(r => r.CapacityGw!.Value), total.CapacityGw!.Value, tolerance: 1e-9);
            if (total.AdditionsGw is { } additions)
            {
                var before = byYear[(iso3, year - 1)];
                Assert.True(before.Single(r => r.Fuel == "total").Complete, $"{iso3} {year}: addition from an incomplete year");
                Assert.Equal(before.Where(r => !r.IsAggregate).Select(r => r.Fuel).Order(), singles.Select(r => r.Fuel).Order());
                Assert.Equal(singles.Sum(r => r.AdditionsGw!.Value), additions, tolerance: 1e-9);
            }
        }
    }
}
