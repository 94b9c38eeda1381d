using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Gap;

/// <summary>
/// us_vs_china_additions: the net capacity additions of the United States and China by year, from
/// country_capacity's totals. A year whose total is incomplete, or follows an incomplete year, is
/// left empty with a note naming the missing groups: a total short by a whole fuel (Ember's older
/// extract has only coal, wind and solar for 2020) would otherwise publish as a retirement of
/// hundreds of GW. A year without a previous total (the first) is left empty with a note too.
/// </summary>
internal static class UsVsChina
{
    public static List<CountryComparisonRow> Compute(IReadOnlyList<CountryAdditions> countries, List<string> notes)
    {
        var totals = countries.Where(c => c.Iso3 is "USA" or "CHN").GroupBy(c => (c.Iso3, c.Year)).ToDictionary(g => g.Key, g => g.First());
        return totals.Keys.Select(k => k.Year).Distinct().Order()
            .Select(year =>
            {
                // Named locals fix the order of the notes: by year, the US first.
                var usa = Additions(totals, "USA", year, notes);
                var chn = Additions(totals, "CHN", year, notes);
                return new CountryComparisonRow(year, usa, chn);
            })
            .ToList();
    }

    private static double? Additions(Dictionary<(string, int), CountryAdditions> totals, string iso3, int year, List<string> notes)
    {
        if (!totals.TryGetValue((iso3, year), out var total))
        {
            // The other country has the year: this one's empty cell needs its reason too.
            notes.Add($"{Schemas.UsVsChinaAdditions.Name}: {iso3} {year} left empty: country_capacity has no {iso3} total for {year}");
            return null;
        }

        if (!total.Complete)
        {
            notes.Add($"{Schemas.UsVsChinaAdditions.Name}: {iso3} {year} left empty: country_capacity total incomplete{Missing(total)}");
            return null;
        }

        // A table published before the complete column existed may carry an addition from an incomplete previous year.
        if (totals.TryGetValue((iso3, year - 1), out var previous) && !previous.Complete)
        {
            notes.Add($"{Schemas.UsVsChinaAdditions.Name}: {iso3} {year} left empty: country_capacity total of {year - 1} incomplete{Missing(previous)}");
            return null;
        }

        if (total.AdditionsGw is { } gw)
        {
            return GapModel.Round6(gw);
        }

        // Empty for a reason the reader cannot see in the table: usually Ember's first year, which has nothing before it.
        notes.Add(previous is null
            ? $"{Schemas.UsVsChinaAdditions.Name}: {iso3} {year} left empty: country_capacity has no total for {year - 1} to subtract from"
            : $"{Schemas.UsVsChinaAdditions.Name}: {iso3} {year} left empty: country_capacity gives no additions_gw");
        return null;
    }

    private static string Missing(CountryAdditions total) =>
        total.MissingGroups is { Count: > 0 } missing ? $" (missing {string.Join(", ", missing)})" : "";
}
