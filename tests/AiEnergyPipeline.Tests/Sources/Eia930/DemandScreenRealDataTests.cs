using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;
using CsvHelper;
using System.Globalization;

namespace AiEnergyPipeline.Tests.Sources.Eia930;

/// <summary>
/// The demand screen on real EIA-930 series: against the labels of Ruggles et al. (2020) for SCL
/// and TEPC, and on five large balancing authorities whose 2024 peaks are known.
/// </summary>
public class DemandScreenRealDataTests
{
    private const string Screened = "eia930/screened-2020-2024/";
    private const string Demand = "eia930/demand-2020-2024/";
    private const string FirstPublished = "eia930/ciso-hourly-demand-2015-2019.csv";
    private const string ApiPage = "eia-api-v2/rto-region-data_2024-04-01_2024-04-03_offset0.json";

    /// <summary>How many hours of each Ruggles category the screen gave each quality.</summary>
    private static Dictionary<(string Category, DemandQuality Quality), int> Agreement(string ba)
    {
        var path = TestFiles.RealData($"{Screened}{ba}.csv");
        Skip.IfNot(File.Exists(path), $"needs ../shared/data/real/{Screened}{ba}.csv, which is not beside this checkout");
        var hours = ReadSeries(path, out var categories);
        var qualities = DemandScreen.ScreenAll(hours);
        return qualities.Select((q, i) => (categories[i], q)).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
    }

    private static int Count(Dictionary<(string Category, DemandQuality Quality), int> agreement, string category, Func<DemandQuality, bool> which) =>
        agreement.Where(p => p.Key.Category == category && which(p.Key.Quality)).Sum(p => p.Value);

    [SkippableTheory]
    // measured: SCL 43,812 OKAY hours, none flagged; TEPC 38 of 42,824 (0.09%, mostly October 2020 and 2021, when its series is erratic)
    [InlineData("SCL", 43_812, 0)]
    [InlineData("TEPC", 42_824, 50)]
    public void Screen_RugglesLabels_FlagsFewOkayHours(string ba, int okay, int maxFlagged)
    {
        var agreement = Agreement(ba);

        Assert.Equal(okay, Count(agreement, "OKAY", _ => true));
        Assert.InRange(Count(agreement, "OKAY", q => q != DemandQuality.Ok), 0, maxFlagged);
    }

    [SkippableTheory]
    // measured: SCL 1 NEG_OR_ZERO and 10 IDENTICAL_RUN hours, TEPC 41 and 1: every one
    [InlineData("SCL", 1, 10)]
    [InlineData("TEPC", 41, 1)]
    public void Screen_RugglesLabels_EveryNegativeAndIdenticalRunHourIsFlaggedSo(string ba, int negative, int identical)
    {
        var agreement = Agreement(ba);

        Assert.Equal(negative, Count(agreement, "NEG_OR_ZERO", _ => true));
        Assert.Equal(negative, Count(agreement, "NEG_OR_ZERO", q => q == DemandQuality.Negative));
        Assert.Equal(identical, Count(agreement, "IDENTICAL_RUN", _ => true));
        Assert.Equal(identical, Count(agreement, "IDENTICAL_RUN", q => q == DemandQuality.Stuck));
    }

    [SkippableTheory]
    // measured: SCL 17 of 20 (DELTA 5/8, LOCAL_DEM_DOWN 10/10, LOCAL_DEM_UP 2/2);
    // TEPC 20 of 24 (DELTA 10/10, LOCAL_DEM_UP 3/3, LOCAL_DEM_DOWN 7/9, SINGLE_DELTA 0/2)
    [InlineData("SCL", 20, 17)]
    [InlineData("TEPC", 24, 20)]
    public void Screen_RugglesLabels_FlagsMostDeltaAndLocalDemandHoursAsSpikes(string ba, int labelled, int minSpikes)
    {
        string[] categories = ["DELTA", "SINGLE_DELTA", "LOCAL_DEM_UP", "LOCAL_DEM_DOWN"];
        var agreement = Agreement(ba);

        Assert.Equal(labelled, categories.Sum(c => Count(agreement, c, _ => true)));
        Assert.InRange(categories.Sum(c => Count(agreement, c, q => q == DemandQuality.Spike)), minSpikes, labelled);
        Assert.Equal(Count(agreement, "LOCAL_DEM_UP", _ => true), Count(agreement, "LOCAL_DEM_UP", q => q == DemandQuality.Spike));
    }

    [SkippableTheory]
    [InlineData("ERCO", 85_544, "2024-08-20T23:00:00Z")]
    [InlineData("PJM", 153_121, "2024-07-16T22:00:00Z")]
    [InlineData("CISO", 47_571, "2024-09-06T02:00:00Z")]
    [InlineData("MISO", 121_560, "2024-08-26T22:00:00Z")]
    [InlineData("NYIS", 28_990, "2024-07-08T22:00:00Z")]
    public async Task ScreenAndAnnual_RealSeries_KeepThe2024Peak(string ba, double peak, string at)
    {
        var path = TestFiles.RealData($"{Demand}{ba}.csv");
        Skip.IfNot(File.Exists(path), $"needs ../shared/data/real/{Demand}{ba}.csv, which is not beside this checkout");
        var hours = ReadSeries(path, out _);
        var qualities = DemandScreen.ScreenAll(hours);
        var annual = new BaAnnualAggregator();
        for (var i = 0; i < hours.Count; i++)
        {
            annual.Add(new BaHourlyRecord(ba, hours[i].Period, BaSeries.Demand, hours[i].Value, "api", null, qualities[i]));
        }

        var peakHour = DateTime.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.Equal(DemandQuality.Ok, qualities[hours.FindIndex(h => h.Period == peakHour)]);
        var year2024 = annual.Partials().Single(p => p.Year == 2024);
        Assert.Equal(peak, year2024.PeakDemandMw);
        // PJM's raw series has a dozen impossible hours (up to 2,147,480,000 MW in 2021); none is its 2024 peak
        Assert.InRange(annual.Partials().Sum(p => p.FlaggedHours), 0, 12);
        var staging = Repository.NewTempFolder();
        await using var writer = TableWriter.Create(staging, Schemas.BaAnnual, OriginColumn.Fetched);
        annual.WriteTo(writer);
        await writer.CompleteAsync(CancellationToken.None);
        Assert.Contains(File.ReadLines(Path.Combine(staging, "ba_annual.csv")), l => l.StartsWith($"{ba},2024,{peak.ToString(CultureInfo.InvariantCulture)},", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void ScreenAndAnnual_FirstPublishedCisoSeries_KeepsThe2017HeatWavePeakAndFlagsOnly2019sDrops()
    {
        // CAISO demand as EIA-930 first published it (2015-07 to 2019-08), before EIA's revisions:
        // 36,547 hours, 308 of them absent (EMPTY, MISSING). Its highest hour, 49,899 MW in the hour
        // ending 2017-09-02T00Z, is the afternoon of the 1 September 2017 heat wave: a real extreme,
        // which the screen must keep.
        var path = TestFiles.RealData(FirstPublished);
        Skip.IfNot(File.Exists(path), $"needs ../shared/data/real/{FirstPublished}, which is not beside this checkout");
        var hours = ReadSeries(path, out _);
        var qualities = DemandScreen.ScreenAll(hours);
        var annual = new BaAnnualAggregator();
        for (var i = 0; i < hours.Count; i++)
        {
            annual.Add(new BaHourlyRecord("CISO", hours[i].Period, BaSeries.Demand, hours[i].Value, "bulk", null, qualities[i]));
        }

        Assert.Equal(36_547 - 308, hours.Count);
        var peak = hours.FindIndex(h => h.Period == new DateTime(2017, 9, 2, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal((49_899.0, DemandQuality.Ok), (hours[peak].Value, qualities[peak]));
        var years = annual.Partials().ToDictionary(p => p.Year);
        Assert.Equal(49_899, years[2017].PeakDemandMw);
        Assert.Equal([2015, 2016, 2017, 2018, 2019], years.Keys.Order());
        // measured: 15 hours flagged, all single-hour drops of about 10,000 MW in February to May 2019
        // (24,590 / 14,012 / 23,928 MW on 13 February) and the hours between two such drops, which
        // Ruggles et al. label DELTA too where TEPC's series does the same (6 February 2022)
        var flagged = Enumerable.Range(0, hours.Count).Where(i => qualities[i] != DemandQuality.Ok).ToList();
        Assert.Equal(15, flagged.Count);
        Assert.All(flagged, i => Assert.Equal((2019, DemandQuality.Spike), (hours[i].Period.Year, qualities[i])));
        Assert.Equal(15, years[2019].FlaggedHours);
    }

    [SkippableFact]
    public async Task Normalise_RealApiPage_SclsNegativeHourIsFlaggedAndLeftOutOfBaAnnual()
    {
        var path = TestFiles.RealData(ApiPage);
        Skip.IfNot(File.Exists(path), $"needs ../shared/data/real/{ApiPage}, which is not beside this checkout");
        var staging = Repository.NewTempFolder();
        await using var quarantine = TableWriter.Create(staging, Schemas.Quarantine, OriginColumn.Fetched);
        var file = TestFiles.Fetched(Eia930ApiSource.SourceName, "page.json") with { LocalPath = path };
        var context = new NormaliseContext(new Dictionary<string, IReadOnlyList<FetchedFile>> { [Eia930ApiSource.SourceName] = [file] }, staging, new QuarantineTable(quarantine, _ => OriginColumn.Fetched));

        var tables = await new Eia930Normaliser().NormaliseAsync(context, CancellationToken.None);

        var hourly = File.ReadLines(tables.Single(t => t.Schema == Schemas.BaHourly && t.Format == "csv").LocalPath).ToList();
        Assert.Equal(string.Join(',', Schemas.BaHourly.ColumnNames), hourly[0]);
        Assert.Contains("SCL,2024-04-02T18:00:00Z,demand,-2030,api,,negative,fetched", hourly);
        Assert.Contains("SCL,2024-04-02T17:00:00Z,demand,1133,api,,ok,fetched", hourly);
        Assert.All(hourly.Skip(1).Where(l => !l.Contains(",demand,", StringComparison.Ordinal)), l => Assert.EndsWith(",,fetched", l));
        var annual = File.ReadLines(tables.Single(t => t.Schema == Schemas.BaAnnual).LocalPath).ToList();
        // 18 hours of SCL demand on the page, 17 of them ok: the peak is 1,161 MW, the -2,030 MW hour is counted apart
        Assert.Contains("SCL,2024,1161,17092,17,0.001935,1,fetched", annual);
    }

    /// <summary>A real series (date_time, demand, then maybe category): hours with a number, with their category (OKAY without labels).</summary>
    private static List<(DateTime Period, double Value)> ReadSeries(string path, out List<string> categories)
    {
        var hours = new List<(DateTime, double)>();
        categories = [];
        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default);
        while (csv.Read())
        {
            // absent hours are EMPTY or MISSING tokens, or blank
            if (!double.TryParse(csv.GetString(1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var period = DateTime.ParseExact(csv.GetString(0), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            hours.Add((period, value));
            categories.Add(csv.Headers.Count > 2 && csv.Headers[2] == "category" ? csv.GetString(2) : "OKAY");
        }

        return hours;
    }
}
