using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.Vocabulary;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Sources.Curated;

/// <summary>
/// Reads the curated assumptions.csv strictly: a row whose name, unit or value is not one the
/// gap model can use, or that does not cite its source, goes to the quarantine with its line
/// and the reason, and so does a second row of the same name.
/// </summary>
public static partial class AssumptionsCsv
{
    public const string FileName = "assumptions.csv";

    public const string Fraction = "fraction";
    public const string Year = "year";

    /// <summary>The units an assumption may have.</summary>
    public static IReadOnlyList<string> Units { get; } = [Fraction, "GW", "GW/year", "TWh", Year, AssumptionNames.SwitchUnit];

    private static readonly ColumnSpec[] Specs =
    [
        new("name", Required: true),
        new("value", Required: true),
        new("unit", Required: true),
        new("source", Required: true),
        new("url", Required: true),
        new("notes", Required: false),
    ];

    /// <summary>Every valid row, sorted by name; the others go to <paramref name="quarantine"/>.</summary>
    /// <exception cref="SourceException">The file has no header or lacks a required column.</exception>
    public static IReadOnlyList<Assumption> Read(Stream content, FetchedFile file, Action<QuarantineRecord> quarantine, SourceCounts counts)
    {
        using var csv = CuratedCsv.Open(content, file, Specs);
        var rows = new Dictionary<string, Assumption>(StringComparer.Ordinal);
        while (csv.Read())
        {
            counts.RowsIn++;
            var name = csv["name"];
            var value = 0.0;
            var problem = csv.ShapeProblem() ?? Check(name, csv["value"], csv["unit"], out value) ?? CuratedCsv.CitationProblem(csv["source"], csv["url"]);
            if (problem is null && rows.TryGetValue(name, out var first))
            {
                problem = $"duplicate of line {first.Line}: name '{name}' appears twice";
            }

            if (problem is not null)
            {
                quarantine(csv.Quarantined(problem));
                continue;
            }

            rows[name] = new Assumption(name, value, csv["unit"], csv["source"], csv["url"], csv["notes"], csv.Line);
        }

        return rows.Values.OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Why a name, value and unit do not make a usable assumption, or null.</summary>
    public static string? Check(string name, string valueText, string unit, out double value)
    {
        value = 0;
        if (!NamePattern().IsMatch(name))
        {
            return $"'name' value '{CuratedCsv.Truncate(name)}' is not a dotted snake_case name such as {AssumptionNames.AccreditationFactorPrefix}nuclear";
        }

        if (!CuratedCsv.TryNumber(valueText, out value))
        {
            return $"'value' value '{CuratedCsv.Truncate(valueText)}' is not a number";
        }

        if (!Units.Contains(unit, StringComparer.Ordinal))
        {
            return $"'unit' value '{CuratedCsv.Truncate(unit)}' is not one of {string.Join(", ", Units)}";
        }

        if (ExpectedUnit(name) is { } expected && unit != expected)
        {
            return $"{name} must be in {expected}, not {unit}";
        }

        if (name.StartsWith(AssumptionNames.AccreditationFactorPrefix, StringComparison.Ordinal)
            && !CuratedVocabulary.AccreditationClasses.Contains(name[AssumptionNames.AccreditationFactorPrefix.Length..], StringComparer.Ordinal))
        {
            return $"unknown accreditation class in '{name}' (known: {string.Join(", ", CuratedVocabulary.AccreditationClasses)})";
        }

        if (name.StartsWith(AssumptionNames.CompletionWeightPrefix, StringComparison.Ordinal)
            && !CuratedVocabulary.PlannedStatuses.Contains(name[AssumptionNames.CompletionWeightPrefix.Length..], StringComparer.Ordinal))
        {
            return $"unknown planned status in '{name}' (known: {string.Join(", ", CuratedVocabulary.PlannedStatuses)})";
        }

        if (name.StartsWith(AssumptionNames.ConsumptionPrefix, StringComparison.Ordinal) && ConsumptionYear(name) is null)
        {
            return $"'{name}' must end with a year, such as {AssumptionNames.ConsumptionPrefix}2023";
        }

        return unit switch
        {
            Fraction when value is < 0 or > 1 => $"{name} is {value}, outside [0, 1]",
            // A load factor divides: zero would make capacity infinite.
            Fraction when value == 0 && name.StartsWith(AssumptionNames.LoadFactorPrefix, StringComparison.Ordinal) => $"{name} is 0; a load factor must be above 0",
            Year when value != Math.Floor(value) || value is < 1900 or > 2100 => $"{name} is {value}, not a year between 1900 and 2100",
            AssumptionNames.SwitchUnit when value is not (0 or 1) => $"{name} is {value}, not 0 (off) or 1 (on)",
            "TWh" or "GW" when value < 0 => $"{name} is {value}, below 0",
            "TWh" when value == 0 => $"{name} is 0; consumption must be above 0",
            _ => null,
        };
    }

    /// <summary>The year of a us_electricity_consumption_twh.YYYY name, or null.</summary>
    public static int? ConsumptionYear(string name) =>
        name.StartsWith(AssumptionNames.ConsumptionPrefix, StringComparison.Ordinal)
        && name.Length == AssumptionNames.ConsumptionPrefix.Length + 4
        && int.TryParse(name.AsSpan(AssumptionNames.ConsumptionPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            ? year
            : null;

    /// <summary>The unit the gap model reads a known assumption in, or null for a name it does not know.</summary>
    private static string? ExpectedUnit(string name) => name switch
    {
        AssumptionNames.ReserveMargin or AssumptionNames.CompleteYearMinCoverage => Fraction,
        AssumptionNames.BaseYear or AssumptionNames.HorizonYear => Year,
        AssumptionNames.OtherLoadGrowth => "GW/year",
        AssumptionNames.QueueSupplyTail => AssumptionNames.SwitchUnit,
        _ when name.StartsWith(AssumptionNames.AccreditationFactorPrefix, StringComparison.Ordinal)
            || name.StartsWith(AssumptionNames.CompletionWeightPrefix, StringComparison.Ordinal)
            || name.StartsWith(AssumptionNames.LoadFactorPrefix, StringComparison.Ordinal) => Fraction,
        _ when name.StartsWith(AssumptionNames.ConsumptionPrefix, StringComparison.Ordinal) => "TWh",
        _ => null,
    };

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+)*(\\.[A-Za-z0-9]+(_[a-z0-9]+)*)*$")]
    private static partial Regex NamePattern();
}
