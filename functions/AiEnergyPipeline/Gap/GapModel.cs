using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Vocabulary;
using System.Globalization;

namespace AiEnergyPipeline.Gap;

/// <summary>
/// The gap model (v1), a pure function of its inputs: for every scenario and year from the base
/// year to the horizon, gap_gw = (ai_demand_gw + other_load_growth_gw) x (1 + reserve_margin) - firm_additions_gw,
/// for the US and per EIA-930 region. Components are computed at full precision and rounded to 6
/// decimals; the gap is then computed from the rounded components, so that every published row
/// satisfies the formula from its own columns.
/// </summary>
public static class GapModel
{
    public const string UnknownRegion = "unknown";
    public const int HeadlineYear = 2028;
    private const string PlannedSheet = "planned";
    private const string OperatingSheet = "operating";

    public static GapResult Compute(GapInputs inputs, GapSettings settings)
    {
        settings.Validate();
        var notes = new List<string>();
        var years = Enumerable.Range(settings.BaseYear, settings.HorizonYear - settings.BaseYear + 1).ToList();
        var regionOf = inputs.Regions.GroupBy(r => r.BalancingAuthorityCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().RegionCode, StringComparer.Ordinal);
        string RegionOf(string ba) => regionOf.GetValueOrDefault(ba, UnknownRegion);

        var demand = ScenarioDemand(inputs.Scenarios, settings, years, notes);
        var events = FirmEvents(inputs.Generators, settings, RegionOf, notes);
        // Off (the default), the tail adds nothing and notes nothing: the outputs are as they were before it existed.
        var tail = QueueTailModel.Additions(inputs.QueueTail, settings, inputs.Generators, RegionOf, notes);
        events.AddRange(tail.Select(a => new FirmEvent(a.Year, a.Region, a.Gw, WeightBasis.QueueTail)));
        var (growthBasis, growthGwPerYearByRegion, usGrowthGwPerYear) = Growth(inputs.Peaks, settings, RegionOf);
        var peakShares = PeakShares.Compute(inputs.Peaks, RegionOf, settings.CompleteYearMinCoverage);
        var shares = peakShares.ByRegion;
        if (peakShares.Note is { } shareNote)
        {
            notes.Add(shareNote);
        }

        var regions = inputs.Regions.Select(r => r.RegionCode)
            .Concat(events.Select(e => e.Region))
            .Concat(inputs.Peaks.Select(p => RegionOf(p.BalancingAuthorityCode)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var withoutPeaks = regions.Where(r => !shares.ContainsKey(r)).ToList();
        if (withoutPeaks.Count > 0)
        {
            notes.Add($"regions without ba_annual peaks, allocated 0 GW of AI demand: {string.Join(", ", withoutPeaks)}");
        }

        notes.Add(growthBasis == GrowthBasis.Trend
            ? $"other load growth from the trend of {growthGwPerYearByRegion.Count} regions' peaks: {Format(usGrowthGwPerYear)} GW a year"
            : $"other load growth from the assumption {AssumptionNames.OtherLoadGrowth} ({Format(usGrowthGwPerYear)} GW a year): no balancing authority has {LoadGrowthTrend.MinYears} years of coverage_ratio >= {Format(settings.CompleteYearMinCoverage)}");

        var byYear = new List<GapRow>();
        var byRegion = new List<GapRow>();
        foreach (var (scenario, curve) in demand)
        {
            foreach (var year in years)
            {
                var (ai, basis) = curve[year - settings.BaseYear];
                var elapsed = year - settings.BaseYear;
                byYear.Add(Row(scenario, null, year, ai, basis, usGrowthGwPerYear * elapsed, growthBasis, settings.ReserveMargin, Firm(events, year, null)));
            }

            foreach (var region in regions)
            {
                var share = shares.GetValueOrDefault(region);
                var regionGrowth = growthBasis == GrowthBasis.Trend ? growthGwPerYearByRegion.GetValueOrDefault(region) : usGrowthGwPerYear * share;
                foreach (var year in years)
                {
                    var (ai, basis) = curve[year - settings.BaseYear];
                    byRegion.Add(Row(scenario, region, year, ai * share, basis, regionGrowth * (year - settings.BaseYear), growthBasis, settings.ReserveMargin, Firm(events, year, region)));
                }
            }
        }

        return new GapResult(
            settings,
            byYear,
            byRegion,
            Additions(inputs.Generators, tail, settings),
            UsVsChina.Compute(inputs.Countries, notes),
            Headlines(inputs.Scenarios, byYear, settings),
            notes,
            peakShares.Year);
    }

    /// <summary>Rounds to 6 decimals, half away from zero, without a negative zero.</summary>
    public static double Round6(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero) + 0.0;

    /// <summary>A published number: at most 6 decimals, invariant culture, never exponent notation.</summary>
    public static string Format(double value) => Round6(value).ToString("0.######", CultureInfo.InvariantCulture);

    private static GapRow Row(string scenario, string? region, int year, double ai, string aiBasis, double growth, string growthBasis, double reserveMargin, (double Gw, string Basis) firm)
    {
        var (a, o, r, f) = (Round6(ai), Round6(growth), Round6(reserveMargin), Round6(firm.Gw));
        return new GapRow(scenario, region, year, a, aiBasis, o, growthBasis, r, f, Round6(((a + o) * (1 + r)) - f), firm.Basis);
    }

    /// <summary>Each scenario's AI demand over the base year, per year from the base year, with its basis.</summary>
    private static SortedDictionary<string, (double Gw, string Basis)[]> ScenarioDemand(IReadOnlyList<ScenarioPoint> points, GapSettings settings, List<int> years, List<string> notes)
    {
        var demand = new SortedDictionary<string, (double, string)[]>(StringComparer.Ordinal);
        foreach (var group in points.GroupBy(p => p.ScenarioId, StringComparer.Ordinal))
        {
            var curve = new ScenarioCurve(group);
            if (curve.FirstYear > settings.BaseYear)
            {
                notes.Add($"scenario {group.Key} has no point at or before base year {settings.BaseYear}: its first point ({curve.FirstYear}) is its base");
            }

            // Before its first point a curve is flat at the first value, so the first point is the base then.
            var baseGw = curve.At(settings.BaseYear).Gw;
            demand[group.Key] = years.Select(y =>
            {
                var (gw, basis) = curve.At(y);
                return (gw - baseGw, basis);
            }).ToArray();
        }

        return demand;
    }

    /// <param name="Basis">Where an addition's completion weight came from (<see cref="WeightBasis"/>); null for a retirement, which has none.</param>
    private sealed record FirmEvent(int Year, string Region, double Gw, string? Basis);

    /// <summary>Accredited capacity arriving (planned units, completion-weighted) or leaving (planned retirements) after the base year.</summary>
    private static List<FirmEvent> FirmEvents(IReadOnlyList<GeneratorUnit> units, GapSettings settings, Func<string, string> regionOf, List<string> notes)
    {
        var events = new List<FirmEvent>();
        var classesWithoutFactor = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var statusesWithoutWeight = new SortedDictionary<string, int>(StringComparer.Ordinal);
        // Planned units the years leave out, said in the notes rather than dropped silently.
        var (overdue, overdueMw, undated, undatedMw) = (0, 0.0, 0, 0.0);
        foreach (var unit in units)
        {
            if (unit.Sheet == PlannedSheet && unit.PlannedOperationYear is not > 0)
            {
                (undated, undatedMw) = (undated + 1, undatedMw + unit.NameplateMw);
            }
            else if (unit.Sheet == PlannedSheet && unit.PlannedOperationYear <= settings.BaseYear)
            {
                (overdue, overdueMw) = (overdue + 1, overdueMw + unit.NameplateMw);
            }

            var isAddition = unit.Sheet == PlannedSheet && unit.PlannedOperationYear > settings.BaseYear && unit.PlannedOperationYear <= settings.HorizonYear;
            var isRetirement = unit.Sheet == OperatingSheet && unit.PlannedRetirementYear > settings.BaseYear && unit.PlannedRetirementYear <= settings.HorizonYear;
            if (!isAddition && !isRetirement)
            {
                continue;
            }

            var factor = Factor(settings, unit.AccreditationClass, classesWithoutFactor);
            var region = regionOf(unit.BalancingAuthorityCode);
            if (isAddition)
            {
                var completion = settings.CompletionWeightOf(unit.Status, unit.AccreditationClass);
                if (completion is null)
                {
                    statusesWithoutWeight[unit.Status] = statusesWithoutWeight.GetValueOrDefault(unit.Status) + 1;
                }

                var (weight, measured) = completion ?? (0, false);
                events.Add(new FirmEvent(unit.PlannedOperationYear!.Value, region, unit.NameplateMw * factor * weight / 1000, measured ? WeightBasis.Measured : WeightBasis.Assumption));
            }
            else
            {
                events.Add(new FirmEvent(unit.PlannedRetirementYear!.Value, region, -unit.NameplateMw * factor / 1000, null));
            }
        }

        foreach (var (cls, count) in classesWithoutFactor)
        {
            notes.Add($"{count} units of class '{cls}' have no accreditation factor: {AssumptionNames.AccreditationFactor(GapSettings.OtherClass)} used");
        }

        foreach (var (status, count) in statusesWithoutWeight)
        {
            notes.Add($"{count} planned units of status '{status}' have no completion weight: weighted 0");
        }

        if (overdue > 0)
        {
            notes.Add($"{overdue} planned units ({Format(overdueMw)} MW nameplate) have a planned operation year of {settings.BaseYear} (the base year) or earlier and are still planned, not operating: not counted as additions");
        }

        if (undated > 0)
        {
            notes.Add($"{undated} planned units ({Format(undatedMw)} MW nameplate) have no planned operation month: not counted as additions");
        }

        return events;
    }

    private static double Factor(GapSettings settings, string accreditationClass, SortedDictionary<string, int>? missing = null)
    {
        if (settings.AccreditationFactors.TryGetValue(accreditationClass, out var factor))
        {
            return factor;
        }

        if (missing is not null)
        {
            missing[accreditationClass] = missing.GetValueOrDefault(accreditationClass) + 1;
        }

        return settings.AccreditationFactors[GapSettings.OtherClass];
    }

    /// <summary>The firm additions by the year (in the region, or the US), and the basis of their completion weights.</summary>
    private static (double Gw, string Basis) Firm(List<FirmEvent> events, int year, string? region)
    {
        var counted = events.Where(e => e.Year <= year && (region is null || e.Region == region)).ToList();
        return (counted.Sum(e => e.Gw), WeightBasis.Of(counted.Where(e => e.Basis is not null).Select(e => e.Basis!)));
    }

    /// <summary>Other load growth in GW a year: per region and for the US, from the trend or the assumption.</summary>
    private static (string Basis, Dictionary<string, double> ByRegion, double Us) Growth(IReadOnlyList<AnnualPeak> peaks, GapSettings settings, Func<string, string> regionOf)
    {
        var slopes = LoadGrowthTrend.Slopes(peaks, settings.CompleteYearMinCoverage);
        if (slopes.Count == 0)
        {
            return (GrowthBasis.Assumption, [], settings.OtherLoadGrowthGwPerYear);
        }

        var byRegion = slopes.GroupBy(s => regionOf(s.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(s => s.Value) / 1000, StringComparer.Ordinal);
        return (GrowthBasis.Trend, byRegion, slopes.Values.Sum() / 1000);
    }

    /// <summary>
    /// EIA-860M's planned units and retirements by year and class, and the queue supply tail's
    /// projects where it is on (only in years after EIA-860M's planned units, so a row is one or the
    /// other; its basis says which): what the gap's firm additions are made of.
    /// </summary>
    private static List<AdditionsRow> Additions(IReadOnlyList<GeneratorUnit> units, IReadOnlyList<QueueTailAddition> tail, GapSettings settings)
    {
        var rows = new SortedDictionary<(int, string), double[]>(Comparer<(int Year, string Class)>.Create((a, b) => a.Year != b.Year ? a.Year.CompareTo(b.Year) : string.CompareOrdinal(a.Class, b.Class)));
        double[] At(int year, string cls) => rows.TryGetValue((year, cls), out var sums) ? sums : rows[(year, cls)] = new double[7];
        foreach (var unit in units)
        {
            if (unit.Sheet == PlannedSheet && unit.PlannedOperationYear is { } start && start > settings.BaseYear && start <= settings.HorizonYear)
            {
                var sums = At(start, unit.AccreditationClass);
                var accredited = unit.NameplateMw * Factor(settings, unit.AccreditationClass);
                sums[0] += unit.NameplateMw;
                sums[1] += accredited;
                var (weight, measured) = settings.CompletionWeightOf(unit.Status, unit.AccreditationClass) ?? (0, false);
                sums[2] += accredited * weight;
                // Counts of units weighted by a measured and by an assumed weight: the row's basis.
                sums[measured ? 4 : 5]++;
            }

            if (unit.Sheet == OperatingSheet && unit.PlannedRetirementYear is { } end && end > settings.BaseYear && end <= settings.HorizonYear)
            {
                At(end, unit.AccreditationClass)[3] += unit.NameplateMw;
            }
        }

        foreach (var project in tail)
        {
            var sums = At(project.Year, project.AccreditationClass);
            sums[0] += project.NameplateMw;
            sums[1] += project.AccreditedMw;
            sums[2] += project.Gw * 1000;
            sums[6]++;
        }

        return rows.Select(p => new AdditionsRow(p.Key.Item1, p.Key.Item2, Round6(p.Value[0]), Round6(p.Value[1]), Round6(p.Value[2]), Round6(p.Value[3]), BasisOf(p.Value[4], p.Value[5], p.Value[6]))).ToList();
    }

    /// <summary>queue_tail for the tail's projects; else measured when every planned unit of the row had a measured weight, mixed when some had, else assumption.</summary>
    private static string BasisOf(double measured, double assumed, double tail) =>
        tail > 0 ? WeightBasis.QueueTail : measured > 0 && assumed == 0 ? WeightBasis.Measured : measured > 0 ? WeightBasis.Mixed : WeightBasis.Assumption;

    private static List<ScenarioHeadline> Headlines(IReadOnlyList<ScenarioPoint> points, List<GapRow> byYear, GapSettings settings)
    {
        var headlines = new List<ScenarioHeadline>();
        foreach (var rows in byYear.GroupBy(r => r.ScenarioId, StringComparer.Ordinal))
        {
            var source = points.Where(p => p.ScenarioId == rows.Key).OrderBy(p => p.Year).First().Source;
            double? gap2028 = rows.FirstOrDefault(r => r.Year == HeadlineYear)?.GapGw;
            var horizon = rows.Single(r => r.Year == settings.HorizonYear).GapGw;
            var (year, gap) = gap2028 is { } g ? (HeadlineYear, g) : (settings.HorizonYear, horizon);
            headlines.Add(new ScenarioHeadline(rows.Key, source, gap2028, settings.HorizonYear, horizon, GapHeadlineText.Sentence(rows.Key, source, year, gap)));
        }

        return headlines;
    }
}
