using AiEnergyPipeline.Normalise;

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
        MaxYear = maxYear;
        KnownAssumptionNames = [.. assumptions.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>First year the data covers: years before it are rejected.</summary>
    public int MinYear { get; }

    /// <summary>Last year the data covers: years after it are rejected.</summary>
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
        if (minYear > maxYear)
        {
            throw new ArgumentException($"minYear {minYear} is after maxYear {maxYear}.", nameof(minYear));
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
    /// is. Ranges by unit: fraction [0, 1]; year a whole number within [MinYear, MaxYear]; GW,
    /// GW/year, TWh and units not known here at least 0. Load factors and consumption must also be
    /// above 0, as in the curated file, because the model divides by or scales with them.
    /// </summary>
    public string? Check(PublishedAssumption assumption, double value)
    {
        ArgumentNullException.ThrowIfNull(assumption);
        if (!double.IsFinite(value))
        {
            return "must be a finite number";
        }

        return assumption.Unit switch
        {
            AssumptionsCsv.Fraction when value is < 0 or > 1 => $"{Show(value)} is outside [0, 1] (unit fraction)",
            // A load factor divides: zero would make capacity infinite.
            AssumptionsCsv.Fraction when value == 0 && assumption.Name.StartsWith(AssumptionNames.LoadFactorPrefix, StringComparison.Ordinal)
                => "a load factor must be above 0",
            AssumptionsCsv.Fraction => null,
            AssumptionsCsv.Year when value != Math.Floor(value) => $"{Show(value)} is not a whole year",
            AssumptionsCsv.Year => CheckYear(value),
            _ when value < 0 => $"{Show(value)} is below 0 (unit {assumption.Unit})",
            "TWh" when value == 0 => "consumption must be above 0",
            _ => null,
        };
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

/// <summary>One published row of the assumptions table, as far as validation needs it.</summary>
public sealed record PublishedAssumption(string Name, double Value, string Unit);
