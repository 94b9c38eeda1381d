using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Ember;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiEnergyPipeline.Tests.Gap;

public class UsVsChinaTests
{
    private const string RealFile = "ember/capacity_annual_database.csv";

    [Fact]
    public void Compute_IncompleteYear_LeftEmptyWithANoteNamingCountryYearAndGroups()
    {
        var notes = new List<string>();

        var rows = UsVsChina.Compute(
            [
                new("USA", 2019, null), new("USA", 2020, -175.7, false, ["gas", "oil", "nuclear", "hydro", "other"]),
                new("CHN", 2019, null), new("CHN", 2020, 423),
            ],
            notes);

        Assert.Equal([new CountryComparisonRow(2019, null, null), new CountryComparisonRow(2020, null, 423)], rows);
        Assert.Equal(
            ["us_vs_china_additions: USA 2019 left empty: country_capacity has no total for 2018 to subtract from",
             "us_vs_china_additions: CHN 2019 left empty: country_capacity has no total for 2018 to subtract from",
             "us_vs_china_additions: USA 2020 left empty: country_capacity total incomplete (missing gas, oil, nuclear, hydro, other)"],
            notes);
    }

    [Fact]
    public void Compute_CompleteYearsWithoutAnAddition_LeftEmptyWithANoteSayingWhy()
    {
        var notes = new List<string>();

        // 2021 follows a gap in the years; 2023 follows a complete year whose capacity was empty.
        var rows = UsVsChina.Compute([new("USA", 2020, 10), new("USA", 2022, null), new("USA", 2023, null), new("USA", 2024, 12.5)], notes);

        Assert.Equal([10, null, null, 12.5], rows.Select(r => r.UsaAdditionsGw));
        Assert.Equal(
            ["us_vs_china_additions: USA 2022 left empty: country_capacity has no total for 2021 to subtract from",
             "us_vs_china_additions: USA 2023 left empty: country_capacity gives no additions_gw"],
            notes.Where(n => n.Contains(" USA ", StringComparison.Ordinal)));
        // China has no total at all here: each of its empty cells says so too.
        Assert.Contains("us_vs_china_additions: CHN 2022 left empty: country_capacity has no CHN total for 2022", notes);
    }

    [Fact]
    public void Compute_YearAfterAnIncompleteYear_LeftEmptyNamingThePreviousYear()
    {
        var notes = new List<string>();

        // A table published before the complete column carried an addition across an incomplete year.
        var rows = UsVsChina.Compute([new("CHN", 2020, null, false, ["gas"]), new("CHN", 2021, 500)], notes);

        Assert.Equal([new CountryComparisonRow(2020, null, null), new CountryComparisonRow(2021, null, null)], rows);
        Assert.Equal(
            ["us_vs_china_additions: CHN 2020 left empty: country_capacity total incomplete (missing gas)",
             "us_vs_china_additions: CHN 2021 left empty: country_capacity total of 2020 incomplete (missing gas)"],
            notes.Where(n => n.Contains(" CHN ", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Compute_RealApiExtract_LeavesEveryYearEmptyAndSaysWhichGroupsAreMissing()
    {
        var path = TestFiles.RealData(RealFile);
        Skip.IfNot(File.Exists(path), $"needs ../shared/data/real/{RealFile}, which is not beside this checkout");
        var notes = new List<string>();

        var rows = UsVsChina.Compute(GapInputsReader.ReadCountries(await CountryCapacityOfAsync(path)), notes);

        // Before the guard: USA -175.7 GW and CHN -241.8 GW in 2020, published as facts.
        Assert.Equal(Enumerable.Range(2000, 21), rows.Select(r => r.Year));
        Assert.All(rows, r => Assert.Equal((null, null), (r.UsaAdditionsGw, r.ChnAdditionsGw)));
        Assert.Equal(42, notes.Count);
        Assert.Contains("us_vs_china_additions: USA 2019 left empty: country_capacity total incomplete (missing gas, oil)", notes);
        Assert.Contains("us_vs_china_additions: USA 2020 left empty: country_capacity total incomplete (missing gas, oil, nuclear, hydro, other)", notes);
        Assert.Contains("us_vs_china_additions: CHN 2020 left empty: country_capacity total incomplete (missing gas, oil, nuclear, hydro, other)", notes);
    }

    /// <summary>Normalises an Ember file into country_capacity, as a run stages it.</summary>
    private static async Task<string> CountryCapacityOfAsync(string path)
    {
        var staging = Repository.NewTempFolder();
        await using var quarantine = TableWriter.Create(staging, Schemas.Quarantine, OriginColumn.Fetched);
        var file = TestFiles.Fetched(EmberSource.SourceName, Path.GetFileName(path)) with { LocalPath = path };
        var context = new NormaliseContext(new Dictionary<string, IReadOnlyList<FetchedFile>> { [EmberSource.SourceName] = [file] }, staging, new QuarantineTable(quarantine, _ => OriginColumn.Fetched));
        var tables = await new EmberNormaliser(NullLogger<EmberNormaliser>.Instance).NormaliseAsync(context, CancellationToken.None);
        await quarantine.CompleteAsync(CancellationToken.None);
        return Assert.Single(tables).LocalPath;
    }
}
