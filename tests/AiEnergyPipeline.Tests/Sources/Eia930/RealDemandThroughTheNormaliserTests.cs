using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;
using System.Globalization;
using System.Text;

namespace AiEnergyPipeline.Tests.Sources.Eia930;

/// <summary>
/// Real EIA-930 demand series (2020-2024, as EIA's API published them) through the product's own
/// reader and normaliser, not a reader of the test's: each file is laid out as the API's pages
/// (5,000 rows, absent values null) and normalised as an ingest does, and the published ba_annual
/// and ba_hourly must give the peaks the data's README states, and account for every hour.
/// </summary>
public class RealDemandThroughTheNormaliserTests
{
    private const string Demand = "eia930/demand-2020-2024/";

    private static async Task<(string[] Annual, List<string[]> Hourly)> NormaliseAsync(string ba)
    {
        var path = TestFiles.RealData($"{Demand}{ba}.csv");
        Skip.IfNot(File.Exists(path), $"needs ../shared/data/real/{Demand}{ba}.csv, which is not beside this checkout");
        var lines = File.ReadLines(path).Skip(1).ToList();
        var pages = Repository.NewTempFolder();
        var files = new List<AiEnergyPipeline.Fetch.FetchedFile>();
        for (var first = 0; first < lines.Count; first += 5000)
        {
            var page = new StringBuilder("{\"response\":{\"total\":\"").Append(lines.Count).Append("\",\"data\":[");
            foreach (var (line, i) in lines.Skip(first).Take(5000).Select((l, i) => (l, i)))
            {
                var fields = line.Split(',');
                var hour = DateTime.ParseExact(fields[0], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);
                var value = double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? $"\"{fields[1]}\"" : "null";
                page.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"period\":\"{hour}\",\"respondent\":\"{ba}\",\"type\":\"D\",\"value\":{value}}}");
            }

            var name = $"region-data_offset{first}.json";
            await File.WriteAllTextAsync(Path.Combine(pages, name), page.Append("]}}").ToString());
            files.Add(TestFiles.Fetched(Eia930ApiSource.SourceName, name) with { LocalPath = Path.Combine(pages, name) });
        }

        var output = Repository.NewTempFolder();
        await using var quarantine = TableWriter.Create(output, Schemas.Quarantine, OriginColumn.Fetched);
        var context = new NormaliseContext(new Dictionary<string, IReadOnlyList<AiEnergyPipeline.Fetch.FetchedFile>> { [Eia930ApiSource.SourceName] = files }, output, new QuarantineTable(quarantine, _ => OriginColumn.Fetched));
        var tables = await new Eia930Normaliser().NormaliseAsync(context, CancellationToken.None);
        await quarantine.CompleteAsync(CancellationToken.None);
        var annual = await File.ReadAllLinesAsync(tables.Single(t => t.Schema == Schemas.BaAnnual).LocalPath);
        var hourly = File.ReadLines(tables.Single(t => t.Schema == Schemas.BaHourly && t.Format == "csv").LocalPath).Skip(1).Select(l => l.Split(',')).ToList();
        return (annual, hourly);
    }

    private static Dictionary<string, string> Year(string[] annual, int year)
    {
        var header = annual[0].Split(',');
        var row = annual.Skip(1).Select(l => l.Split(',')).Single(f => f[1] == year.ToString(CultureInfo.InvariantCulture));
        return header.Zip(row).ToDictionary(p => p.First, p => p.Second);
    }

    [SkippableTheory]
    // The README of ../shared/data/real: ERCO's 2024 peak is 85,544 MW at 2024-08-20T23:00Z, PJM's 153,121 MW.
    [InlineData("ERCO", "85544", "2024-08-20T23:00:00Z")]
    [InlineData("PJM", "153121", null)]
    public async Task Normalise_RealSeriesAsApiPages_The2024PeakIsTheKnownOne(string ba, string peak, string? at)
    {
        var (annual, hourly) = await NormaliseAsync(ba);

        Assert.Equal(peak, Year(annual, 2024)["peak_demand_mw"]);
        if (at is not null)
        {
            Assert.Equal(at, Assert.Single(hourly, h => h[2] == "demand" && h[3] == peak)[1]);
        }
    }

    [SkippableTheory]
    [InlineData("ERCO")]
    [InlineData("PJM")]
    [InlineData("CISO")]
    [InlineData("MISO")]
    [InlineData("NYIS")]
    public async Task Normalise_RealSeriesAsApiPages_EveryHourWithAValueIsReportedOrFlaggedAndNoneIsLost(string ba)
    {
        var withValue = File.Exists(TestFiles.RealData($"{Demand}{ba}.csv"))
            ? File.ReadLines(TestFiles.RealData($"{Demand}{ba}.csv")).Skip(1).Count(l => double.TryParse(l.Split(',')[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            : 0;

        var (annual, hourly) = await NormaliseAsync(ba);

        var header = annual[0].Split(',');
        var rows = annual.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(withValue, rows.Sum(r => int.Parse(r["hours_reported"], CultureInfo.InvariantCulture) + int.Parse(r["flagged_hours"], CultureInfo.InvariantCulture)));
        Assert.Equal(withValue, hourly.Count(h => h[2] == "demand"));
        Assert.Equal(Enumerable.Range(2020, 5), rows.Select(r => int.Parse(r["year"], CultureInfo.InvariantCulture)).Where(y => y >= 2020 && y <= 2024).Distinct().Order());
    }
}
