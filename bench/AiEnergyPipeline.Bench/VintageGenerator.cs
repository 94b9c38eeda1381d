using System.Globalization;
using AiEnergyPipeline.Sources.Eia860m;

namespace AiEnergyPipeline.Bench;

/// <summary>
/// EIA-860M-shaped vintages, one at a time, as the normaliser sees them: a fleet of generators
/// of which a share changes between vintages (a planned date slips, a unit comes online, a
/// capacity is re-rated), a few vanish and new ones are planned. Deterministic for a seed, and
/// every string is a fresh copy per vintage, as rows read back from the partition cache are.
/// </summary>
internal static class VintageGenerator
{
    private static readonly string[] Technologies = ["Solar Photovoltaic", "Onshore Wind Turbine", "Batteries", "Natural Gas Fired Combined Cycle", "Conventional Steam Coal"];
    private static readonly string[] Authorities = ["PJM", "MISO", "ERCO", "CISO", "SWPP", "AZPS"];
    private static readonly string[] States = ["PA", "TX", "CA", "IA", "AZ", "OH"];
    private static readonly string[] PlannedStatuses = ["P", "L", "T", "U", "V", "TS"];

    public static IEnumerable<GeneratorVintage> Vintages(int generators, int vintages, double changeRate, int seed = 860)
    {
        var random = new Random(seed);
        var fleet = new List<Unit>(generators);
        var nextPlant = 10_000L;
        for (var i = 0; i < generators; i++)
        {
            fleet.Add(NewUnit(random, ref nextPlant, new DateOnly(2016, 1, 1)));
        }

        var month = new DateOnly(2016, 1, 1);
        for (var v = 0; v < vintages; v++, month = month.AddMonths(v < 11 ? 12 : 1))
        {
            if (v > 0)
            {
                Evolve(random, fleet, changeRate, month, ref nextPlant);
            }

            var name = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            yield return new GeneratorVintage(name, fleet.Select(u => Record(name, u)).ToList());
        }
    }

    private sealed class Unit
    {
        public long PlantId { get; init; }
        public string GeneratorId { get; init; } = "";
        public GeneratorSheet Sheet { get; set; } = GeneratorSheet.Operating;
        public string Status { get; set; } = "OP";
        public DateOnly? Planned { get; set; }
        public DateOnly? Operating { get; set; }
        public double Mw { get; set; }
        public double SummerMw { get; set; }
        public int Technology { get; init; }
        public int Authority { get; init; }
    }

    private static Unit NewUnit(Random random, ref long nextPlant, DateOnly month)
    {
        var planned = random.NextDouble() < 0.3;
        var mw = Math.Round(1 + (random.NextDouble() * 300), 1);
        return new Unit
        {
            PlantId = nextPlant++,
            GeneratorId = random.Next(4) == 0 ? "GEN" + random.Next(1, 9).ToString(CultureInfo.InvariantCulture) : random.Next(1, 9).ToString(CultureInfo.InvariantCulture),
            Sheet = planned ? GeneratorSheet.Planned : GeneratorSheet.Operating,
            Status = planned ? PlannedStatuses[random.Next(PlannedStatuses.Length)] : "OP",
            Planned = planned ? month.AddMonths(random.Next(1, 36)) : null,
            Operating = planned ? null : month.AddMonths(-random.Next(1, 400)),
            Mw = mw,
            SummerMw = Math.Round(mw * 0.95, 1),
            Technology = random.Next(Technologies.Length),
            Authority = random.Next(Authorities.Length),
        };
    }

    private static void Evolve(Random random, List<Unit> fleet, double changeRate, DateOnly month, ref long nextPlant)
    {
        var vanished = 0;
        for (var i = fleet.Count - 1; i >= 0; i--)
        {
            var unit = fleet[i];
            if (random.NextDouble() < 0.01)
            {
                fleet.RemoveAt(i);
                vanished++;
                continue;
            }

            if (random.NextDouble() >= changeRate)
            {
                continue;
            }

            if (unit.Sheet == GeneratorSheet.Planned)
            {
                switch (random.Next(4))
                {
                    case 0:
                        unit.Sheet = GeneratorSheet.Operating;
                        unit.Status = "OP";
                        unit.Operating = month.AddMonths(-1);
                        unit.Planned = null;
                        break;
                    case 1:
                        unit.Sheet = GeneratorSheet.Canceled;
                        unit.Status = "CN";
                        break;
                    default:
                        unit.Planned = unit.Planned!.Value.AddMonths(random.Next(1, 13));
                        unit.Status = PlannedStatuses[random.Next(PlannedStatuses.Length)];
                        break;
                }
            }
            else if (unit.Sheet == GeneratorSheet.Operating && random.Next(20) == 0)
            {
                unit.Sheet = GeneratorSheet.Retired;
                unit.Status = "RE";
            }
            else
            {
                unit.SummerMw = Math.Round(unit.SummerMw + random.Next(-5, 6), 1);
            }
        }

        // The fleet keeps its size: as many new units planned as vanished.
        for (var i = 0; i < vanished; i++)
        {
            fleet.Add(NewUnit(random, ref nextPlant, month));
        }
    }

    private static GeneratorRecord Record(string month, Unit u) =>
        new(month, u.Sheet, 0, u.PlantId, Fresh(u.GeneratorId), Fresh("Plant"), Fresh(States[u.Authority]), Fresh("County"),
            Fresh(Authorities[u.Authority]), Fresh("IPP Non-CHP"), Fresh(Technologies[u.Technology]), Fresh("NG"), Fresh("PV"), Fresh(u.Status),
            u.Mw, u.SummerMw, u.SummerMw, MonthText(u.Operating), MonthText(u.Planned), "", "", null, null);

    private static string MonthText(DateOnly? month) => month?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "";

    private static string Fresh(string text) => new(text.AsSpan());
}
