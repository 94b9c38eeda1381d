using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Ember;
using AiEnergyPipeline.Tables;
using static AiEnergyPipeline.Tests.Sources.Ember.EmberSamples;

namespace AiEnergyPipeline.Tests.Sources.Ember;

public class EmberCapacityCsvTests
{
    private static readonly FetchedFile File = TestFiles.Fetched("ember", "yearly_full_release_long_format.csv");

    private static (List<EmberCapacityValue> Values, List<QuarantineRecord> Quarantine, EmberReadStats Stats) Read(string csv)
    {
        var quarantine = new List<QuarantineRecord>();
        var stats = new EmberReadStats();
        var values = EmberCapacityCsv.Read(TestFiles.Utf8(csv), File, quarantine.Add, stats).ToList();
        return (values, quarantine, stats);
    }

    [Fact]
    public void Read_LongFormat_KeepsCountryCapacityInGwAndCountsWhatItSkips()
    {
        var (values, quarantine, stats) = Read(Long(
            Capacity("China", "CHN", 2019, "Coal", "1013.185"),
            Capacity("China", "CHN", 2019, "Fossil", "1174.01", "Aggregate fuel"),
            Capacity("China", "CHN", 2019, "Gas", ""),
            LongRow("China", "CHN", 2019, "Electricity generation", "Fuel", "Coal", "TWh", "4553.8"),
            LongRow("China", "CHN", 2019, "Electricity generation", "Fuel", "Coal", "%", "62.2"),
            LongRow("China", "CHN", 2019, "Capacity", "Fuel", "Coal", "%", "50.1"),
            LongRow("Asia", "", 2019, "Capacity", "Fuel", "Coal", "GW", "1400", areaType: "Region"),
            LongRow("G20", "G20", 2019, "Capacity", "Fuel", "Coal", "GW", "2000", areaType: "Region")));

        Assert.Empty(quarantine);
        Assert.Equal(EmberLayout.LongFormat, stats.Layout);
        Assert.Collection(
            values,
            v => Assert.Equal(("CHN", "China", 2019, "coal", EmberFuelKind.Single, 1013.185, 2L), (v.Iso3, v.Country, v.Year, v.Fuel.Name, v.Fuel.Kind, v.CapacityGw, v.Line)),
            v => Assert.Equal(("fossil", EmberFuelKind.Aggregate, 1174.01), (v.Fuel.Name, v.Fuel.Kind, v.CapacityGw)));
        Assert.Equal((8L, 2L, 1L, 3L, 2L), (stats.Rows, stats.Values, stats.Blank, stats.NotCapacity, stats.NotCountry));
    }

    [Theory]
    [InlineData("Country")]
    [InlineData("Country or economy")]
    [InlineData("country/economy")]
    public void Read_CountryAreaTypes_AreCountries(string areaType)
    {
        var (values, _, _) = Read(Long(LongRow("India", "IND", 2020, "Capacity", "Fuel", "Solar", "GW", "39.2", areaType)));

        Assert.Equal("solar", Assert.Single(values).Fuel.Name);
    }

    [Fact]
    public void Read_WideLayout_UsesCapacityColumnAndIsAggregatedSource()
    {
        var (values, quarantine, stats) = Read(Wide(
            WideRow("United States of America", "USA", 2023, "Coal", "False", "188.4"),
            WideRow("United States of America", "USA", 2023, "Wind and Solar", "True", "286.5"),
            WideRow("United States of America", "USA", 2023, "Battery storage", "False", "16.2"),
            WideRow("United States of America", "USA", 2023, "Fossil plus storage", "True", "920"),
            WideRow("United States of America", "USA", 2023, "Net imports", "False", ""),
            WideRow("United States of America", "USA", 2023, "Total generation", "True", "1300.1"),
            WideRow("United States of America", "USA", 2023, "Other Fossil", "False", ""),
            WideRow("North America", "", 2023, "Coal", "False", "200", areaType: "Region")));

        Assert.Empty(quarantine);
        Assert.Equal(EmberLayout.Wide, stats.Layout);
        Assert.Equal(
            [("coal", EmberFuelKind.Single, 188.4), ("wind_and_solar", EmberFuelKind.Aggregate, 286.5), ("battery_storage", EmberFuelKind.Single, 16.2),
             ("fossil_plus_storage", EmberFuelKind.Aggregate, 920.0), ("total", EmberFuelKind.Total, 1300.1)],
            values.Select(v => (v.Fuel.Name, v.Fuel.Kind, v.CapacityGw)));
        Assert.Equal((1L, 1L, 1L), (stats.Blank, stats.NotCapacity, stats.NotCountry));
    }

    [Fact]
    public void Read_WideFixture_ReadsEveryCountryCapacityAndSkipsTheRegion()
    {
        var quarantine = new List<QuarantineRecord>();
        var stats = new EmberReadStats();
        using var stream = System.IO.File.OpenRead(WideFixture);

        var values = EmberCapacityCsv.Read(stream, File, quarantine.Add, stats).ToList();

        Assert.Empty(quarantine);
        Assert.Equal(EmberLayout.Wide, stats.Layout);
        // 4 countries x 6 years x (9 fuels + 6 aggregates + total), less two blanks; the region's 18 rows skipped.
        Assert.Equal(4 * 6 * 16 - 2, values.Count);
        Assert.Equal((2L, 24L, 18L), (stats.Blank, stats.NotCapacity, stats.NotCountry));
        Assert.Equal(["CHN", "DEU", "IND", "USA"], values.Select(v => v.Iso3).Distinct());
    }

    [Fact]
    public void Read_ApiExtract_TakesTheYearOfTheDateAndReadsQuotedNames()
    {
        var (values, quarantine, stats) = Read(Api(
            ApiRow("Korea, Republic of", "KOR", 2019, "Coal", "37.7"),
            ApiRow("Korea, Republic of", "KOR", 2019, "Hydro, bioenergy & other renewables", "8.1"),
            ApiRow("Korea, Republic of", "KOR", 2019, "Gas & oil", ""),
            ApiRow("Korea, Republic of", "KOR", 2019, "Demand", ""),
            ApiRow("World", "", 2019, "Coal", "2100"),
            ApiRow("Honduras", "HND", 2019, "Coal", "-1.39e-17")));

        Assert.Empty(quarantine);
        Assert.Equal(EmberLayout.ApiExtract, stats.Layout);
        Assert.Equal(
            [("KOR", "Korea, Republic of", 2019, "coal", 37.7), ("KOR", "Korea, Republic of", 2019, "hydro_bioenergy_and_other_renewables", 8.1), ("HND", "Honduras", 2019, "coal", -1.39e-17)],
            values.Select(v => (v.Iso3, v.Country, v.Year, v.Fuel.Name, v.CapacityGw)));
        Assert.Equal((1L, 1L, 1L), (stats.Blank, stats.NotCapacity, stats.NotCountry));
    }

    [Theory]
    [InlineData(LongHeader, EmberLayout.LongFormat)]
    [InlineData(WideHeader, EmberLayout.Wide)]
    [InlineData(ApiHeader, EmberLayout.ApiExtract)]
    [InlineData("Variable,Value,Unit,Category,Year,ISO 3 code,Area", EmberLayout.LongFormat)]
    [InlineData("area,iso_3_code,year,electricity_source,capacity_gw", EmberLayout.Wide)]
    [InlineData("Area,ISO3,Year,Source,Capacity GW,Is aggregate", EmberLayout.Wide)]
    [InlineData("capacity_gw,variable,iso3,country_or_region,Year", EmberLayout.ApiExtract)]
    public void Detect_HeaderOfEachLayoutWithDrift_IsRecognised(string header, EmberLayout layout)
    {
        var columns = EmberLayouts.Detect(header.Split(','), File);

        Assert.Equal(layout, columns.Layout);
    }

    [Fact]
    public void Read_ReorderedAndRenamedLongColumns_ReadsTheSameValues()
    {
        const string csv = "value,unit,variable,subcategory,category,area_type,year,ISO3,Country\n" +
                           "1013.185,GW,Coal,Fuel,Capacity,Country,2019,CHN,China\n" +
                           "1174.01,GW,Fossil,Aggregate fuel,Capacity,Country,2019,CHN,China\n";

        var (values, quarantine, _) = Read(csv);

        Assert.Empty(quarantine);
        Assert.Equal([("CHN", "China", 2019, "coal", 1013.185), ("CHN", "China", 2019, "fossil", 1174.01)], values.Select(v => (v.Iso3, v.Country, v.Year, v.Fuel.Name, v.CapacityGw)));
    }

    [Fact]
    public void Read_ReorderedAndRenamedApiColumns_ReadsTheSameValues()
    {
        const string csv = "capacity_gw,variable,iso3,country_or_region,date\n37.7,Coal,KOR,\"Korea, Republic of\",2019-01-01T00:00:00Z\n";

        var (values, _, _) = Read(csv);

        Assert.Equal(("KOR", "Korea, Republic of", 2019, "coal", 37.7), values.Select(v => (v.Iso3, v.Country, v.Year, v.Fuel.Name, v.CapacityGw)).Single());
    }

    [Fact]
    public void Read_UnrecognisedHeader_FailsNamingTheLayoutsAndTheirMissingColumns()
    {
        var error = Assert.Throws<SourceException>(() => Read("Country,Code,Year,Fuel,Megawatts\nChina,CHN,2019,Coal,1\n"));

        Assert.StartsWith("ember: yearly_full_release_long_format.csv: the header matches none of the Ember layouts", error.Message, StringComparison.Ordinal);
        Assert.Contains("long format (", error.Message, StringComparison.Ordinal);
        Assert.Contains("wide yearly layout (", error.Message, StringComparison.Ordinal);
        Assert.Contains("older API extract (", error.Message, StringComparison.Ordinal);
        Assert.Contains("required columns missing: 'ISO 3 code', 'Category', 'Variable', 'Unit', 'Value'", error.Message, StringComparison.Ordinal);
        Assert.Contains("required columns missing: 'ISO 3 code', 'Capacity (GW)'", error.Message, StringComparison.Ordinal);
        Assert.Contains("required columns missing: 'alpha_3', 'capacity_gw'", error.Message, StringComparison.Ordinal);
        Assert.Contains("The header was: Country,Code,Year,Fuel,Megawatts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Not found</body></html>", "HTML")]
    [InlineData("", "empty")]
    [InlineData("\r\n\r\n", "empty")]
    public void Read_NotACsvFile_FailsWithTheCause(string content, string cause)
    {
        var error = Assert.Throws<SourceException>(() => Read(content));

        Assert.Contains(cause, error.Message, StringComparison.Ordinal);
        Assert.Contains(File.FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedRows_AreQuarantinedWithLineAndReasonAndTheRestKept()
    {
        var (values, quarantine, stats) = Read(Long(
            Capacity("China", "CHN", 2019, "Coal", "1013.185"),
            Capacity("China", "CHN", 2019, "Gas", "12x"),
            Capacity("China", "CHN", 2019, "Wind", "\"1,013\""),
            Capacity("China", "CHN", 2019, "Solar", "-5"),
            Capacity("Chinaa", "CN", 2019, "Hydro", "300"),
            LongRow("China", "CHN", 2019, "Capacity", "Fuel", "Nuclear", "GW", "48").Replace(",2019,", ",20x9,", StringComparison.Ordinal),
            Capacity("China", "CHN", 2019, "Mystery", "1", subcategory: ""),
            Capacity("China", "CHN", 2019, "Bioenergy", "NaN"),
            Capacity("China", "CHN", 2019, "Nuclear", "48.74")));

        Assert.Collection(
            quarantine,
            q => Assert.Equal((3L, "'Value' value '12x' is not a number"), (q.Line, q.Reason)),
            q => Assert.Equal((4L, "'Value' value '1,013' is not a number"), (q.Line, q.Reason)),
            q => Assert.Equal((5L, "'Value' value '-5' is a negative capacity"), (q.Line, q.Reason)),
            q => Assert.Equal((6L, "ISO 3 code 'CN' is not three letters"), (q.Line, q.Reason)),
            q => Assert.Equal((7L, "'Year' value '20x9' is not a year"), (q.Line, q.Reason)),
            q => Assert.Equal((8L, true), (q.Line, q.Reason.StartsWith("unknown variable 'Mystery'", StringComparison.Ordinal))));
        Assert.All(quarantine, q => Assert.Equal(("ember", File.FileName, File.RawPath), (q.Source, q.File, q.RawPath)));
        Assert.StartsWith("China,CHN,2019,Country", quarantine[0].Excerpt, StringComparison.Ordinal);
        Assert.Equal(["coal", "nuclear"], values.Select(v => v.Fuel.Name));
        Assert.Equal((6L, 1L), (stats.Quarantined, stats.Blank));
    }

    [Fact]
    public void Read_WideFlagNeitherTrueNorFalse_IsQuarantinedForAnUnknownSource()
    {
        var (values, quarantine, _) = Read(Wide(WideRow("India", "IND", 2020, "Tidal", "maybe", "0.1"), WideRow("India", "IND", 2020, "Coal", "maybe", "209.3")));

        Assert.Equal((2L, "'Is aggregated source' value 'maybe' is not true or false"), (Assert.Single(quarantine).Line, quarantine[0].Reason));
        // A known fuel does not need the flag.
        Assert.Equal("coal", Assert.Single(values).Fuel.Name);
    }

    [Fact]
    public void Read_UnknownVariableInApiExtract_IsQuarantinedNotGuessed()
    {
        var (values, quarantine, _) = Read(Api(ApiRow("India", "IND", 2019, "Storage", "1.2")));

        Assert.Empty(values);
        Assert.Contains("unknown variable 'Storage'", Assert.Single(quarantine).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LargeInput_YieldsValuesBeforeReadingTheWholeStream()
    {
        var rows = Enumerable.Range(0, 40_000).Select(i => Capacity("China", "CHN", 2000 + (i % 25), "Coal", "1.5"));
        var bytes = TestFiles.Utf8(Long(rows.ToArray())).ToArray();
        using var stream = new CountingStream(bytes);

        using var enumerator = EmberCapacityCsv.Read(stream, File, _ => { }).GetEnumerator();
        Assert.True(enumerator.MoveNext());

        Assert.True(stream.BytesRead < bytes.Length / 20, $"read {stream.BytesRead} of {bytes.Length} bytes before the first value");
    }

    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = base.Read(buffer);
            BytesRead += read;
            return read;
        }
    }
}
