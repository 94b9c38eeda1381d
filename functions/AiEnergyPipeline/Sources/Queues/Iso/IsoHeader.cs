using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>
/// Finds an ISO sheet's header among its first rows: below title rows, and sometimes split over two
/// rows (NYISO's "In Service" sheet writes "Queue" above "Pos." and "SP" above "(MW)"). Each row is
/// tried alone and joined with the row above it; the candidate that maps the most required columns
/// wins.
/// </summary>
internal static class IsoHeader
{
    public const int ScanRows = 60;

    /// <summary>The header found in <paramref name="rows"/> (the first rows of a sheet), or null with the columns the closest candidate missed.</summary>
    public static (ColumnMap? Map, IReadOnlyList<string?> Headers, int Index, IReadOnlyList<string> Missing) Find(IReadOnlyList<SheetRow> rows, IReadOnlyList<ColumnSpec> specs)
    {
        IReadOnlyList<string> bestMissing = specs.Where(s => s.Required).Select(s => s.Name).ToList();
        var bestScore = -1;
        for (var i = 0; i < rows.Count; i++)
        {
            var single = rows[i].Texts();
            var candidates = i == 0 ? [single] : new[] { single, Joined(rows[i - 1].Texts(), single, specs) };
            foreach (var cells in candidates)
            {
                var score = ColumnMap.Score(cells, specs);
                if (score <= bestScore)
                {
                    continue;
                }

                bestScore = score;
                var map = ColumnMap.TryCreate(cells, specs, out var missing);
                if (map is not null)
                {
                    return (map, cells, i, []);
                }

                bestMissing = missing;
            }
        }

        return (null, [], -1, bestMissing);
    }

    /// <summary>Each column's header from two rows: the lower cell where it names a column alone, else both joined, else the upper.</summary>
    private static IReadOnlyList<string?> Joined(IReadOnlyList<string?> upper, IReadOnlyList<string?> lower, IReadOnlyList<ColumnSpec> specs)
    {
        var known = specs.SelectMany(s => s.AllNames).Select(ColumnMap.Normalise).ToHashSet(StringComparer.Ordinal);
        var joined = new string?[Math.Max(upper.Count, lower.Count)];
        for (var c = 0; c < joined.Length; c++)
        {
            var top = c < upper.Count ? upper[c] ?? "" : "";
            var bottom = c < lower.Count ? lower[c] ?? "" : "";
            var both = $"{top} {bottom}".Trim();
            joined[c] = known.Contains(ColumnMap.Normalise(bottom)) ? bottom
                : known.Contains(ColumnMap.Normalise(both)) ? both
                : known.Contains(ColumnMap.Normalise(top)) ? top
                : both;
        }

        return joined;
    }
}
