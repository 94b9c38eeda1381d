using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Recompute;

/// <summary>
/// What a recompute request is checked against: the published assumptions (name, value, unit),
/// the published scenario ids and the years the data covers. Built once per published run.
/// </summary>
public sealed class RecomputeLimits
{
    /// <summary>Largest body accepted: 1 MiB. A recompute body is a few kilobytes; more is a mistake or abuse.</summary>
    public const int MaxBodyBytes = 1_048_576;

    /// <summary>Nesting the body format needs is 5 (body, scenarios, scenario, points, point); 16 leaves room without letting a parser recurse deep.</summary>
    public const int MaxDepth = 16;

    public const int MaxScenarios = 100;

    public const int MaxPointsPerScenario = 200;

    /// <summary>Longest source text and URL accepted in a scenario.</summary>
    public const int MaxSourceLength = 500;

    public const int MaxUrlLength = 2048;

    private readonly Dictionary<string, PublishedAssumption> _assumptions;
    private readonly HashSet<string> _scenarioIds;

    private RecomputeLimits(Dictionary<string, PublishedAssumption> assumptions, HashSet<string> scenarioIds, int minYear, int maxYear)
    {
        _assumptions = assumptions;
        _scenarioIds = scenarioIds;
        MinYear = minYear;
        // Data reaching past 2100 would not make a later year physical: the last year is capped.
        MaxYear = Math.Min(maxYear, ValueRange.LastYear);
        KnownAssumptionNames = [.. assumptions.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>First year the data covers: years before it are rejected.</summary>
    public int MinYear { get; }

    /// <summary>Last year the data covers, at most <see cref="ValueRange.LastYear"/>: years after it are rejected.</summary>
    public int MaxYear { get; }

    /// <summary>The names an override may use, sorted.</summary>
    public IReadOnlyList<string> KnownAssumptionNames { get; }

    public IReadOnlySet<string> ScenarioIds => _scenarioIds;

    /// <summary>The published base year (the <c>base_year</c> assumption), if there is one.</summary>
    public int? PublishedBaseYear => YearOf(AssumptionNames.BaseYear);

    /// <summary>The published horizon year (the <c>horizon_year</c> assumption), if there is one.</summary>
    public int? PublishedHorizonYear => YearOf(AssumptionNames.HorizonYear);

    /// <summary>
    /// Limits from the rows of the published <c>assumptions</c> table, the published
    /// <c>demand_scenarios</c> ids (repeats allowed: one per row) and the years the data covers.
    /// </summary>
    /// <exception cref="ArgumentException">A name twice, or <paramref name="minYear"/> after <paramref name="maxYear"/>.</exception>
    public static RecomputeLimits FromAssumptions(
        IEnumerable<(string Name, double Value, string Unit)> assumptions,
        IEnumerable<string> scenarioIds,
        int minYear,
        int maxYear)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(scenarioIds);
        if (minYear > Math.Min(maxYear, ValueRange.LastYear))
        {
            throw new ArgumentException($"minYear {minYear} is after maxYear {Math.Min(maxYear, ValueRange.LastYear)}.", nameof(minYear));
        }

        var byName = new Dictionary<string, PublishedAssumption>(StringComparer.Ordinal);
        foreach (var (name, value, unit) in assumptions)
        {
            if (!byName.TryAdd(name, new PublishedAssumption(name, value, unit)))
            {
                throw new ArgumentException($"Assumption '{name}' is given twice.", nameof(assumptions));
            }
        }

        return new RecomputeLimits(byName, new HashSet<string>(scenarioIds, StringComparer.Ordinal), minYear, maxYear);
    }

    /// <summary>The published row of an assumption, or null for a name that is not published.</summary>
    public PublishedAssumption? Assumption(string name) => _assumptions.GetValueOrDefault(name);

    /// <summary>
    /// Why <paramref name="value"/> is not allowed for the published assumption, or null when it
    /// is: the message names the value and the range (<see cref="ValueRange.For"/>); the caller
    /// files it under the field's path. Years are whole numbers within [MinYear, MaxYear].
    /// </summary>
    public string? Check(PublishedAssumption assumption, double value)
    {
        ArgumentNullException.ThrowIfNull(assumption);
        if (!double.IsFinite(value))
        {
            return "must be a finite number";
        }

        if (assumption.Unit == AssumptionsCsv.Year)
        {
            return value != Math.Floor(value) ? $"{Show(value)} is not a whole year" : CheckYear(value);
        }

        if (assumption.Unit == AssumptionNames.SwitchUnit && value is not (0 or 1))
        {
            return $"{Show(value)} is not 0 (off) or 1 (on), the values of {assumption.Name}";
        }

        var range = ValueRange.For(assumption.Name, assumption.Unit);
        return range.Contains(value) ? null : $"{Show(value)} is outside the range of {assumption.Name}, {range}";
    }

    /// <summary>Why <paramref name="year"/> is outside the data, or null when it is inside.</summary>
    public string? CheckYear(double year) =>
        year < MinYear || year > MaxYear ? $"{Show(year)} is outside the years the data covers, {MinYear} to {MaxYear}" : null;

    internal static string Show(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private int? YearOf(string name) =>
        _assumptions.GetValueOrDefault(name) is { Unit: AssumptionsCsv.Year, Value: var v } && v == Math.Floor(v) && v is >= int.MinValue and <= int.MaxValue
            ? (int)v
            : null;
}
