namespace AiEnergyPipeline.Gap;

/// <summary>Everything the gap model reads: rows of the normalised tables and the curated region mapping.</summary>
public sealed record GapInputs(
    IReadOnlyList<ScenarioPoint> Scenarios,
    IReadOnlyDictionary<string, double> Assumptions,
    IReadOnlyList<GeneratorUnit> Generators,
    IReadOnlyList<AnnualPeak> Peaks,
    IReadOnlyList<CountryAdditions> Countries,
    IReadOnlyList<BalancingAuthorityRegion> Regions)
{
    /// <summary>
    /// The assumptions measured from history (notes beginning MEASURED), such as completion_weight.U,
    /// with their measured values as published: a recompute's override replaces the value in
    /// <see cref="Assumptions"/>, never here, so an overridden weight is told from a measured one.
    /// </summary>
    public IReadOnlyDictionary<string, double> Measured { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>What the inputs' maker has to say of them (a recompute: each assumption its request set), first among headline.json's notes.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>EIA-860M rows the run's normaliser set aside, by workbook (from quarantine.csv): units the gap cannot count.</summary>
    public IReadOnlyList<UnreadGeneratorRows> UnreadGenerators { get; init; } = [];

    /// <summary>Balancing authorities of ba_annual without a peak in any year (every hour flagged): in no share and no trend.</summary>
    public IReadOnlyList<string> WithoutPeaks { get; init; } = [];

    /// <summary>The queue tables the queue supply tail reads; null when they were not read (the tail is off).</summary>
    public QueueTailInputs? QueueTail { get; init; }
}
