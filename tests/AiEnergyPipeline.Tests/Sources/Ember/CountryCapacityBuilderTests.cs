using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Ember;

namespace AiEnergyPipeline.Tests.Sources.Ember;

public class CountryCapacityBuilderTests
{
    private static readonly FetchedFile File = TestFiles.Fetched("ember", "ember.csv");
    private static long _line = 1;

    private static EmberCapacityValue Value(string iso3, int year, string fuel, double gw) =>
        new(iso3, iso3 + " name", year, EmberFuels.Find(fuel) ?? new EmberFuel(fuel, EmberFuelKind.Single), gw, ++_line);

    private static List<CountryCapacityRow> Build(params EmberCapacityValue[] values)
    {
        var builder = new CountryCapacityBuilder();
        foreach (var value in values)
        {
            Assert.True(builder.Add(value, File, q => Assert.Fail(q.Reason)));
        }

        return builder.Rows().ToList();
    }

    [Fact]
    public void Rows_GapYear_LeavesAdditionsEmptyAfterTheGapAndForTheFirstYear()
    {
        var rows = Build(
            Value("IND", 2022, "solar", 63.1),
            Value("IND", 2019, "solar", 34.6),
            Value("IND", 2020, "solar", 39.2),
            Value("IND", 2023, "solar", 73.3));

        var solar = rows.Where(r => r.Fuel == "solar").ToList();
        Assert.Equal([2019, 2020, 2022, 2023], solar.Select(r => r.Year));
        Assert.Equal([null, 4.6, null, 10.2], solar.Select(r => r.AdditionsGw));
    }

    [Fact]
    public void Rows_Retirements_GiveNegativeAdditions()
    {
        var rows = Build(Value("DEU", 2022, "nuclear", 4.1), Value("DEU", 2023, "nuclear", 0));

        Assert.Equal(-4.1, rows.Single(r => r.Fuel == "nuclear" && r.Year == 2023).AdditionsGw);
    }

    /// <summary>One value for each of the eight groups, 100 GW in all.</summary>
    private static EmberCapacityValue[] EveryGroup(string iso3, int year, double coal = 40) =>
    [
        Value(iso3, year, "coal", coal), Value(iso3, year, "gas", 20), Value(iso3, year, "other_fossil", 1), Value(iso3, year, "nuclear", 10),
        Value(iso3, year, "hydro", 9), Value(iso3, year, "wind", 8), Value(iso3, year, "solar", 7), Value(iso3, year, "bioenergy", 45 - coal),
    ];

    [Fact]
    public void Rows_SinglesAndAggregates_TotalSumsSingleFuelsOnly()
    {
        var rows = Build(
            Value("CHN", 2019, "coal", 1013.185),
            Value("CHN", 2019, "gas", 90.2),
            Value("CHN", 2019, "other_fossil", 5.1),
            Value("CHN", 2019, "nuclear", 48.74),
            Value("CHN", 2019, "hydro", 326.113),
            Value("CHN", 2019, "wind", 210.478),
            Value("CHN", 2019, "solar", 205.5),
            Value("CHN", 2019, "bioenergy", 16.537),
            Value("CHN", 2019, "fossil", 1174.01),
            Value("CHN", 2019, "renewables", 758.63),
            Value("CHN", 2019, "wind_and_solar", 415.97),
            Value("CHN", 2019, "clean", 807.37));

        var total = rows.Single(r => r.Fuel == "total");
        Assert.Equal(1915.853, total.CapacityGw);
        Assert.True(total.IsAggregate);
        Assert.True(total.Complete);
        Assert.Single(rows, r => r.Fuel == "total");
        Assert.Equal(["clean", "fossil", "renewables", "total", "wind_and_solar"], rows.Where(r => r.IsAggregate).Select(r => r.Fuel));
    }

    [Fact]
    public void Rows_SourceGivesItsOwnTotal_ItIsKeptAndNoSumIsAdded()
    {
        var rows = Build([.. EveryGroup("USA", 2023), Value("USA", 2023, "total", 1300.1), Value("USA", 2024, "coal", 178.1)]);

        Assert.Equal([(2023, 1300.1, true), (2024, null, false)], rows.Where(r => r.Fuel == "total").Select(r => (r.Year, r.CapacityGw, r.Complete)));
    }

    [Fact]
    public void Rows_SourceTotalWithAGroupMissing_IsEmptyAndIncomplete()
    {
        var rows = Build(Value("USA", 2023, "coal", 188.4), Value("USA", 2023, "gas", 498.8), Value("USA", 2023, "total", 1300.1));

        var total = rows.Single(r => r.Fuel == "total");
        Assert.Equal((null, null, false), (total.CapacityGw, total.AdditionsGw, total.Complete));
    }

    [Fact]
    public void Rows_OnlyAggregatesForAYear_TotalIsEmptyAndIncomplete()
    {
        var rows = Build(Value("BHR", 2010, "fossil", 5.431), Value("BHR", 2010, "renewables", 0.000684));

        var total = rows.Single(r => r.Fuel == "total");
        Assert.Equal((null, false), (total.CapacityGw, total.Complete));
        Assert.All(rows.Where(r => r.Fuel != "total"), r => Assert.True(r.Complete));
    }

    [Fact]
    public void Rows_AllGroupsInTwoYears_TotalIsTheSumAndAdditionsTheDifference()
    {
        var rows = Build([.. EveryGroup("IND", 2020, coal: 40), .. EveryGroup("IND", 2021, coal: 43)]);

        var totals = rows.Where(r => r.Fuel == "total").ToList();
        Assert.Equal([(2020, 100.0, (double?)null, true), (2021, 100.0, 0.0, true)], totals.Select(r => (r.Year, r.CapacityGw!.Value, r.AdditionsGw, r.Complete)));
        Assert.Equal(3, rows.Single(r => r is { Fuel: "coal", Year: 2021 }).AdditionsGw);
        Assert.Equal(-3, rows.Single(r => r is { Fuel: "bioenergy", Year: 2021 }).AdditionsGw);
    }

    [Fact]
    public void Rows_GroupMissingInTheMiddleYear_NoTotalNoAdditionOnEitherSide()
    {
        var middle = EveryGroup("USA", 2020).Where(v => v.Fuel.Name is not ("gas" or "nuclear")).ToArray();
        var rows = Build([.. EveryGroup("USA", 2019), .. middle, .. EveryGroup("USA", 2021)]);

        Assert.Equal(
            [(2019, 100.0, null, true), (2020, null, null, false), (2021, 100.0, null, true)],
            rows.Where(r => r.Fuel == "total").Select(r => (r.Year, r.CapacityGw, r.AdditionsGw, r.Complete)));
        // The fuels that are there still have their own additions.
        Assert.Equal(0, rows.Single(r => r is { Fuel: "coal", Year: 2020 }).AdditionsGw);
    }

    [Fact]
    public void Rows_OtherGroupReportedByEitherFuel_TotalIsComplete()
    {
        var withOtherRenewables = EveryGroup("ISL", 2019).Where(v => v.Fuel.Name != "bioenergy").Append(Value("ISL", 2019, "other_renewables", 5)).ToArray();

        var total = Build(withOtherRenewables).Single(r => r.Fuel == "total");

        Assert.Equal((100.0, true), (total.CapacityGw!.Value, total.Complete));
    }

    [Fact]
    public void Rows_FuelBlankInOneOfTwoCompleteYears_TotalHasNoAddition()
    {
        // Both years report every group, but other_renewables only in 2023: its 2 GW must not pass for a retirement.
        var rows = Build([.. EveryGroup("DEU", 2023), Value("DEU", 2023, "other_renewables", 2), .. EveryGroup("DEU", 2024)]);

        Assert.Equal(
            [(2023, 102.0, null, true), (2024, 100.0, null, true)],
            rows.Where(r => r.Fuel == "total").Select(r => (r.Year, r.CapacityGw, r.AdditionsGw, r.Complete)));
    }

    [Fact]
    public void Rows_AnyInputOrder_AreSortedByIso3FuelAndYear()
    {
        var rows = Build(
            Value("USA", 2020, "wind", 117.7),
            Value("CHN", 2020, "wind", 281.7),
            Value("USA", 2019, "coal", 229.9),
            Value("CHN", 2019, "wind", 210.1),
            Value("CHN", 2019, "coal", 1040.5));

        Assert.Equal(
            [("CHN", "coal", 2019), ("CHN", "total", 2019), ("CHN", "total", 2020), ("CHN", "wind", 2019), ("CHN", "wind", 2020),
             ("USA", "coal", 2019), ("USA", "total", 2019), ("USA", "total", 2020), ("USA", "wind", 2020)],
            rows.Select(r => (r.Iso3, r.Fuel, r.Year)));
        Assert.Equal(71.6, rows.Single(r => r is { Iso3: "CHN", Fuel: "wind", Year: 2020 }).AdditionsGw);
    }

    [Fact]
    public void Rows_FloatNoise_IsRoundedToOneKilowattWithoutNegativeZero()
    {
        var rows = Build(Value("HND", 2000, "coal", -1.39e-17), Value("HND", 2001, "coal", 0.1 + 0.2), Value("HND", 2002, "coal", 326.113490999999));

        var coal = rows.Where(r => r.Fuel == "coal").ToList();
        Assert.Equal([0.0, 0.3, 326.113491], coal.Select(r => r.CapacityGw));
        Assert.False(double.IsNegative(coal[0].CapacityGw!.Value));
        Assert.Equal(0.3, coal[1].AdditionsGw);
    }

    [Fact]
    public void Add_SameCountryYearAndFuelTwice_QuarantinesTheSecondNamingTheFirstLine()
    {
        var builder = new CountryCapacityBuilder();
        var quarantine = new List<QuarantineRecord>();
        var first = new EmberCapacityValue("BGD", "Bangladesh", 2000, EmberFuels.Find("Fossil")!, 4.166, 5474);
        var second = first with { CapacityGw = 0.68134, Line = 5491 };

        Assert.True(builder.Add(first, File, quarantine.Add));
        Assert.False(builder.Add(second, File, quarantine.Add));

        var q = Assert.Single(quarantine);
        Assert.Equal((5491L, "duplicate of line 5474: same ISO 3 code, year and fuel (BGD 2000 fossil)"), (q.Line, q.Reason));
        Assert.Contains("0.68134", q.Excerpt, StringComparison.Ordinal);
        Assert.Equal(4.166, builder.Rows().Single(r => r.Fuel == "fossil").CapacityGw);
    }

    [Fact]
    public void Add_MoreDistinctFuelsThanAnyEmberFile_FailsTheFileNamingTheLine()
    {
        var builder = new CountryCapacityBuilder();
        var quarantined = new List<QuarantineRecord>();
        for (var i = 0; i < CountryCapacityBuilder.MaxFuels; i++)
        {
            builder.Add(new EmberCapacityValue("USA", "United States", 2024, new EmberFuel($"fuel_{i}", EmberFuelKind.Single), 1, i + 2), File, quarantined.Add);
        }

        var error = Assert.Throws<SourceException>(() => builder.Add(new EmberCapacityValue("USA", "United States", 2024, new EmberFuel("one_too_many", EmberFuelKind.Single), 1, 9999), File, quarantined.Add));

        Assert.Equal("ember: ember.csv: line 9999: more than 200 distinct fuels (the last 'one_too_many'), where Ember's file names about 20: not read further.", error.Message);
    }

    [Fact]
    public void Add_MoreValuesThanAnyEmberFile_FailsTheFileNamingTheLine()
    {
        var builder = new CountryCapacityBuilder();
        var solar = EmberFuels.Find("Solar")!;
        var line = 1L;
        for (var country = 0; line <= CountryCapacityBuilder.MaxValues; country++)
        {
            for (var year = 1900; year <= 2200 && line <= CountryCapacityBuilder.MaxValues; year++)
            {
                builder.Add(new EmberCapacityValue($"C{country:D4}", "Somewhere", year, solar, 1, ++line), File, _ => { });
            }
        }

        var error = Assert.Throws<SourceException>(() => builder.Add(new EmberCapacityValue("ZZZ", "Nowhere", 2024, solar, 1, line + 1), File, _ => { }));

        Assert.StartsWith($"ember: ember.csv: line {line + 1}: more than 250,000 capacity values", error.Message, StringComparison.Ordinal);
    }
}
