using System.Text;

namespace AiEnergyPipeline.Tabular;

/// <summary>
/// Finds columns in a header row by normalised name (case, spacing and punctuation folded), with
/// aliases for the names a source has used over the years, so that renamed, reordered and unknown
/// columns do not break a parse. A missing required column is an error that names it.
/// </summary>
public sealed class ColumnMap
{
    private readonly Dictionary<string, int> _indexes;

    private ColumnMap(Dictionary<string, int> indexes) => _indexes = indexes;

    /// <summary>Folds a header for comparison: "Nameplate Capacity (MW)" and "nameplate_capacity_mw" compare equal.</summary>
    public static string Normalise(string header)
    {
        var folded = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c))
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }

    /// <summary>The specs found in <paramref name="headers"/>, or null with the required ones that are missing.</summary>
    public static ColumnMap? TryCreate(IReadOnlyList<string?> headers, IReadOnlyList<ColumnSpec> specs, out IReadOnlyList<string> missing)
    {
        var positions = new Dictionary<string, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i] is { } header && Normalise(header) is { Length: > 0 } key)
            {
                positions.TryAdd(key, i);
            }
        }

        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var absent = new List<string>();
        foreach (var spec in specs)
        {
            var found = spec.AllNames.Select(n => positions.TryGetValue(Normalise(n), out var i) ? i : -1).FirstOrDefault(i => i >= 0, -1);
            if (found >= 0)
            {
                indexes[spec.Name] = found;
            }
            else if (spec.Required)
            {
                absent.Add(spec.Name);
            }
        }

        missing = absent;
        return absent.Count == 0 ? new ColumnMap(indexes) : null;
    }

    /// <summary>How many required specs a row matches: to find the header row among title rows.</summary>
    public static int Score(IReadOnlyList<string?> cells, IReadOnlyList<ColumnSpec> specs)
    {
        var present = cells.Where(c => c is not null).Select(c => Normalise(c!)).ToHashSet();
        return specs.Count(s => s.Required && s.AllNames.Any(n => present.Contains(Normalise(n))));
    }

    /// <summary>Message for the missing columns, e.g. "required columns missing: 'Plant ID', 'Generator ID'."</summary>
    public static string MissingMessage(IReadOnlyList<string> missing) =>
        $"required column{(missing.Count > 1 ? "s" : "")} missing: {string.Join(", ", missing.Select(m => $"'{m}'"))}.";

    /// <summary>The index of a column, or -1 when an optional column is absent.</summary>
    public int this[string name] => _indexes.TryGetValue(name, out var i) ? i : -1;

    public bool Has(string name) => _indexes.ContainsKey(name);
}
