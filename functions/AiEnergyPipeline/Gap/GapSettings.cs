using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Gap;

/// <summary>
/// The numbers the model assumes, taken from the assumptions table (and overridable one by one
/// for a recompute): years, reserve margin, fallback growth of other load, accreditation factors
/// by class, completion weights by EIA-860M status, and the coverage that makes a ba_annual year
/// complete (for peak shares and the peak trend).
/// </summary>
public sealed record GapSettings(
    int BaseYear,
    int HorizonYear,
    double ReserveMargin,
    double OtherLoadGrowthGwPerYear,
    IReadOnlyDictionary<string, double> AccreditationFactors,
    IReadOnlyDictionary<string, double> CompletionWeights,
    double CompleteYearMinCoverage = GapSettings.DefaultCompleteYearMinCoverage)
{
    /// <summary>
    /// complete_year_min_coverage when the assumptions table has no row for it (runs published
    /// before it existed): 0.9, the threshold the peak trend has always used.
    /// </summary>
    public const double DefaultCompleteYearMinCoverage = 0.9;

    /// <summary>Completion weight keys (status, or status.class) whose values were measured from history rather than assumed.</summary>
    public IReadOnlySet<string> MeasuredWeights { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Whether the queue supply tail is added (assumption queue_supply_tail = 1; off when the table has no such row).</summary>
    public bool AddQueueTail { get; init; }

    /// <summary>The accreditation class of units whose own class has no factor; its factor is required.</summary>
    public const string OtherClass = "other";

    /// <summary>Reads the settings from assumption rows.</summary>
    /// <exception cref="GapException">A required assumption is missing or the years are out of order.</exception>
    public static GapSettings FromAssumptions(IReadOnlyDictionary<string, double> assumptions)
    {
        double Required(string name) => assumptions.TryGetValue(name, out var value)
            ? value
            : throw new GapException($"the assumption '{name}' is missing from the assumptions table.");

        var settings = new GapSettings(
            WholeYear(Required(AssumptionNames.BaseYear), AssumptionNames.BaseYear),
            WholeYear(Required(AssumptionNames.HorizonYear), AssumptionNames.HorizonYear),
            Required(AssumptionNames.ReserveMargin),
            Required(AssumptionNames.OtherLoadGrowth),
            WithPrefix(assumptions, AssumptionNames.AccreditationFactorPrefix),
            WithPrefix(assumptions, AssumptionNames.CompletionWeightPrefix),
            assumptions.TryGetValue(AssumptionNames.CompleteYearMinCoverage, out var coverage) ? coverage : DefaultCompleteYearMinCoverage)
        {
            AddQueueTail = assumptions.TryGetValue(AssumptionNames.QueueSupplyTail, out var tail) && tail == 1,
        };
        settings.Validate();
        return settings;
    }

    /// <exception cref="GapException">The settings cannot be computed with.</exception>
    public void Validate()
    {
        if (HorizonYear < BaseYear)
        {
            throw new GapException($"{AssumptionNames.HorizonYear} {HorizonYear} is before {AssumptionNames.BaseYear} {BaseYear}.");
        }

        if (HorizonYear - BaseYear > 100)
        {
            throw new GapException($"{AssumptionNames.HorizonYear} {HorizonYear} is more than 100 years after {AssumptionNames.BaseYear} {BaseYear}.");
        }

        if (!(CompleteYearMinCoverage is >= 0 and <= 1))
        {
            throw new GapException($"{AssumptionNames.CompleteYearMinCoverage} is {CompleteYearMinCoverage}, outside [0, 1].");
        }

        if (!AccreditationFactors.ContainsKey(OtherClass))
        {
            throw new GapException($"the assumption '{AssumptionNames.AccreditationFactor(OtherClass)}' is missing: it is the factor of classes without one.");
        }
    }

    /// <summary>
    /// The completion weight of a planned unit: measured for its status and class where history
    /// gave one, else for its status; null when there is none.
    /// </summary>
    public (double Weight, bool Measured)? CompletionWeightOf(string status, string accreditationClass)
    {
        var byClass = $"{status}.{accreditationClass}";
        if (CompletionWeights.TryGetValue(byClass, out var classWeight))
        {
            return (classWeight, MeasuredWeights.Contains(byClass));
        }

        return CompletionWeights.TryGetValue(status, out var weight) ? (weight, MeasuredWeights.Contains(status)) : null;
    }

    private static int WholeYear(double value, string name) =>
        value == Math.Floor(value) && value is >= 1900 and <= 2200
            ? (int)value
            : throw new GapException($"the assumption '{name}' is {value}, not a year.");

    private static Dictionary<string, double> WithPrefix(IReadOnlyDictionary<string, double> assumptions, string prefix) =>
        assumptions.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.Ordinal);
}
