using AiEnergyPipeline.Sources.Eia930;

namespace AiEnergyPipeline.Bench;

/// <summary>
/// The ba_hourly rows the normaliser makes of a generated BALANCE file of the same length
/// (<see cref="BalanceFileGenerator"/>): the same balancing authorities one after the other, their
/// hours in order, the four series of each hour (demand with its imputed flag and quality,
/// forecast missing 2% of hours, net generation and interchange), values of the same shape. Made
/// in memory so that the parquet phase times the writers, not a parser. The same seed gives the same rows.
/// </summary>
internal static class BaHourlyRowGenerator
{
    /// <summary>Receives one row (the arguments of the product's writers).</summary>
    public delegate void RowSink(string ba, DateTime periodEndUtc, BaSeries series, double valueMw, string source, bool? imputed, DemandQuality? quality);

    /// <summary>Hands the rows of a BALANCE file of <paramref name="balanceRows"/> rows to <paramref name="sink"/>; returns how many.</summary>
    public static long Generate(long balanceRows, RowSink sink, int seed = 930)
    {
        var random = new Random(seed);
        const int authorities = BalanceFileGenerator.BalancingAuthorities;
        var codes = Enumerable.Range(0, authorities).Select(b => "B" + b.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var perBa = (balanceRows + authorities - 1) / authorities;
        var start = new DateTime(2024, 1, 1, 1, 0, 0, DateTimeKind.Utc);
        const string source = "bulk";
        long rows = 0;
        long written = 0;
        for (var b = 0; b < authorities && written < balanceRows; b++)
        {
            var scale = 300 + (random.NextDouble() * random.NextDouble() * 150_000);
            for (long h = 0; h < perBa && written < balanceRows; h++, written++)
            {
                var utc = start.AddHours(h);
                var demand = Math.Round(scale * (0.8 + (0.2 * Math.Sin(h * Math.PI / 12))) + random.Next(-50, 50));
                var forecast = Math.Round(demand * (0.95 + (random.NextDouble() * 0.1)));
                var generation = Math.Round(demand * (0.7 + (random.NextDouble() * 0.6)));
                var quality = random.Next(1000) switch { 0 => DemandQuality.Spike, 1 => DemandQuality.Stuck, _ => DemandQuality.Ok };
                sink(codes[b], utc, BaSeries.Demand, demand, source, random.Next(100) < 3, quality);
                rows++;
                if (random.Next(100) >= 2)
                {
                    sink(codes[b], utc, BaSeries.Forecast, forecast, source, null, null);
                    rows++;
                }

                sink(codes[b], utc, BaSeries.NetGeneration, generation, source, false, null);
                sink(codes[b], utc, BaSeries.Interchange, generation - demand, source, false, null);
                rows += 2;
            }
        }

        return rows;
    }
}
