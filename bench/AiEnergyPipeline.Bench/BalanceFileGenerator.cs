using System.Globalization;
using System.Text;

namespace AiEnergyPipeline.Bench;

/// <summary>
/// Writes a CSV shaped like an EIA-930 six-month BALANCE file: the real columns (with the
/// (Imputed) and (Adjusted) series, net generation by fuel and Region), about 70 balancing
/// authorities one after the other with their hours in order, numbers of 1,000 and more quoted
/// with thousands separators, and some empty cells. The same seed gives the same file.
/// </summary>
internal static class BalanceFileGenerator
{
    public const int BalancingAuthorities = 70;

    private static readonly string[] Fuels =
    [
        "Coal", "Natural Gas", "Nuclear", "All Petroleum Products", "Hydropower and Pumped Storage",
        "Solar", "Wind", "Other Fuel Sources", "Unknown Fuel Sources",
    ];

    private static readonly string[] Regions = ["CAL", "CAR", "CENT", "FLA", "MIDA", "MIDW", "NE", "NW", "NY", "SE", "SW", "TEN", "TEX"];

    public static string Header =>
        "Balancing Authority,Data Date,Hour Number,Local Time at End of Hour,UTC Time at End of Hour," +
        "Demand Forecast (MW),Demand (MW),Net Generation (MW),Total Interchange (MW),Sum(Valid DIBAs) (MW)," +
        "Demand (MW) (Imputed),Net Generation (MW) (Imputed),Total Interchange (MW) (Imputed)," +
        "Demand (MW) (Adjusted),Net Generation (MW) (Adjusted),Total Interchange (MW) (Adjusted)," +
        string.Join(',', Fuels.Select(f => $"Net Generation (MW) from {f}")) + ",Region";

    public static void Write(string path, long rows, int seed = 930)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        writer.WriteLine(Header);
        var codes = Enumerable.Range(0, BalancingAuthorities).Select(Code).ToArray();
        var perBa = (rows + BalancingAuthorities - 1) / BalancingAuthorities;
        var start = new DateTime(2024, 1, 1, 1, 0, 0, DateTimeKind.Utc);
        var line = new StringBuilder(512);
        long written = 0;
        for (var b = 0; b < BalancingAuthorities && written < rows; b++)
        {
            var scale = 300 + (random.NextDouble() * random.NextDouble() * 150_000);
            var offsetHours = -5 - (b % 4);
            var region = Regions[b % Regions.Length];
            for (long h = 0; h < perBa && written < rows; h++, written++)
            {
                var utc = start.AddHours(h);
                var local = utc.AddHours(offsetHours);
                var demand = Math.Round(scale * (0.8 + (0.2 * Math.Sin(h * Math.PI / 12))) + (random.Next(-50, 50)));
                var forecast = Math.Round(demand * (0.95 + (random.NextDouble() * 0.1)));
                var generation = Math.Round(demand * (0.7 + (random.NextDouble() * 0.6)));
                var interchange = generation - demand;
                var imputed = random.Next(100) < 3;
                var adjusted = random.Next(100) < 90;

                line.Clear();
                line.Append(codes[b]).Append(',');
                line.Append(local.ToString("M/d/yyyy", CultureInfo.InvariantCulture)).Append(',');
                line.Append(local.Hour == 0 ? 24 : local.Hour).Append(',');
                line.Append(local.ToString("M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture)).Append(',');
                line.Append(utc.ToString("M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture)).Append(',');
                Number(line, random.Next(100) < 2 ? null : forecast);
                Number(line, demand);
                Number(line, generation);
                Number(line, interchange);
                Number(line, interchange);
                Number(line, imputed ? demand : null);
                Number(line, null);
                Number(line, null);
                Number(line, adjusted ? demand : null);
                Number(line, adjusted ? generation : null);
                Number(line, adjusted ? interchange : null);
                var left = generation;
                for (var f = 0; f < Fuels.Length; f++)
                {
                    var share = f == Fuels.Length - 1 ? left : Math.Round(left * random.NextDouble() * 0.5);
                    left -= share;
                    Number(line, random.Next(100) < 30 ? null : share);
                }

                line.Append(region);
                writer.WriteLine(line);
            }
        }
    }

    private static string Code(int i) =>
        i < 26 ? "BA" + (char)('A' + i) : $"{(char)('A' + (i % 26))}{(char)('A' + (i / 26))}{(char)('Z' - (i % 7))}C";

    /// <summary>A number as the BALANCE files write it: empty, plain below 1,000, else quoted with separators.</summary>
    private static void Number(StringBuilder line, double? value)
    {
        if (value is { } v)
        {
            var text = v.ToString("#,0", CultureInfo.InvariantCulture);
            if (text.Contains(','))
            {
                line.Append('"').Append(text).Append('"');
            }
            else
            {
                line.Append(text);
            }
        }

        line.Append(',');
    }
}
