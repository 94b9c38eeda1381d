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

    public static GapResult Compute(GapInputs inputs, GapSettings settings)
    {
        settings.Validate();
        var notes = new List<string>(inputs.Notes);
        var years = Enumerable.Range(settings.BaseYear, settings.HorizonYear - settings.BaseYear + 1).ToList();
        var regionOf = inputs.Regions.GroupBy(r => r.BalancingAuthorityCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().RegionCode, StringComparer.Ordinal);
        string RegionOf(string ba) => regionOf.GetValueOrDefault(ba, UnknownRegion);

        var demand = ScenarioDemand(inputs.Scenarios, settings, years, notes);
        if (UnreadGeneratorRows.Note(inputs.UnreadGenerators) is { } unread)
        {
            notes.Add(unread);
        }

        var events = FirmSupply.Events(inputs.Generators, settings, RegionOf, notes);
        // Off (the default), the tail adds nothing and notes nothing: the outputs are as they were before it existed.
        var tail = QueueTailModel.Additions(inputs.QueueTail, settings, inputs.Generators, RegionOf, notes);
        events.AddRange(tail.Select(a => new FirmSupply.FirmEvent(a.Year, a.Region, a.Gw, WeightBasis.QueueTail)));
        var (growthBasis, growthGwPerYearByRegion, usGrowthGwPerYear) = Growth(inputs.Peaks, settings, RegionOf);
        var peakShares = PeakShares.Compute(inputs.Peaks, RegionOf, settings.CompleteYearMinCoverage);
        var shares = peakShares.ByRegion;
        if (peakShares.Note is { } shareNote)
        {
            notes.Add(shareNote);
        }

        if (inputs.WithoutPeaks.Count > 0)
        {
            // Their regions' shares and trends are of the other authorities: no empty cell says so, this note does.
            notes.Add($"balancing authorities of ba_annual without a peak in any year (every hour flagged), in no region's share of US AI demand and no trend, so that their regions' figures are their other authorities': {string.Join(", ", inputs.WithoutPeaks.Select(ba => $"{ba} ({RegionOf(ba)})"))}");
        }

        var regions = inputs.Regions.Select(r => r.RegionCode)
            .Concat(events.Select(e => e.Region))
            .Concat(inputs.Peaks.Select(p => RegionOf(p.BalancingAuthorityCode)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // A region without a share is not a region without demand: its row is published empty, with this reason.
        var withoutPeaks = regions.Where(r => !shares.ContainsKey(r)).ToList();
        if (withoutPeaks.Count > 0)
        {
            notes.Add($"regions without ba_annual peaks, so without a share of US AI demand: their ai_demand_gw{(growthBasis == GrowthBasis.Trend ? "" : ", other_load_growth_gw")} and gap_gw in gap_by_region left empty: {string.Join(", ", withoutPeaks)}");
        }

        var withoutTrend = growthBasis == GrowthBasis.Trend ? regions.Where(r => !growthGwPerYearByRegion.ContainsKey(r)).ToList() : [];
        if (withoutTrend.Count > 0)
        {
            notes.Add($"regions without a balancing authority of {LoadGrowthTrend.MinYears} complete years, so without a trend of their own: their other_load_growth_gw and gap_gw in gap_by_region left empty (the US trend sums the other regions'): {string.Join(", ", withoutTrend)}");
        }

        // A region with no trend at all is empty (above); one with a trend from some of its authorities is not, and says whose growth it lacks.
        var leftOut = growthBasis == GrowthBasis.Trend
            ? LoadGrowthTrend.LeftOut(inputs.Peaks, settings.CompleteYearMinCoverage).Where(ba => growthGwPerYearByRegion.ContainsKey(RegionOf(ba))).ToList()
            : [];
        if (leftOut.Count > 0)
        {
            // Their regions keep a trend from their other authorities: the figure is then that of part of the region.
            notes.Add($"balancing authorities still reporting but without {LoadGrowthTrend.MinYears} complete years, whose growth the trend of other load growth leaves out (their regions' other_load_growth_gw and the US one count only the other authorities): {string.Join(", ", leftOut.Select(ba => $"{ba} ({RegionOf(ba)})"))}");
        }

        if (years[^1] < HeadlineYear || years[0] > HeadlineYear)
        {
            notes.Add($"gap_gw_2028 in headline.json left empty: {HeadlineYear} is outside the years computed ({settings.BaseYear} to {settings.HorizonYear}); each headline gives the horizon year's gap instead");
        }

        notes.Add(growthBasis == GrowthBasis.Trend
            ? $"other load growth from the trend of {growthGwPerYearByRegion.Count} regions' peaks: {Format(usGrowthGwPerYear)} GW a year"
            : $"other load growth from the assumption {AssumptionNames.OtherLoadGrowth} ({Format(usGrowthGwPerYear)} GW a year): no balancing authority has {LoadGrowthTrend.MinYears} years of coverage_ratio >= {Format(settings.CompleteYearMinCoverage)}");

        var overridden = inputs.Scenarios.Where(p => p.IsOverride).Select(p => p.ScenarioId).Distinct(StringComparer.Ordinal).ToList();
        if (overridden.Count > 0)
        {
            notes.Add($"scenarios whose points a recompute's request set, not their publisher (ai_demand_basis override; their headlines say so): {string.Join(", ", overridden)}");
        }

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
                var share = peakShares.CompleteShareOf(region);
                double? regionGrowth = growthBasis == GrowthBasis.Trend
                    ? growthGwPerYearByRegion.TryGetValue(region, out var slope) ? slope : null
                    : usGrowthGwPerYear * share;
                foreach (var year in years)
                {
                    var (ai, basis) = curve[year - settings.BaseYear];
                    byRegion.Add(Row(scenario, region, year, ai * share, basis, regionGrowth * (year - settings.BaseYear), growthBasis, settings.ReserveMargin, Firm(events, year, region)));
                }
            }
        }

        // A headline's year between a publisher's points, or past them, is this model's reading of the scenario, not the publisher's figure.
        foreach (var (basis, words) in new[] { (ScenarioValueBasis.Interpolated, "interpolated between the scenario's points"), (ScenarioValueBasis.ExtrapolatedFlat, "held flat beyond the scenario's points") })
        {
            if (byYear.Where(r => r.Year == HeadlineYear && r.AiDemandBasis == basis).Select(r => r.ScenarioId).Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } ids)
            {
                notes.Add($"AI demand in {HeadlineYear}, the headline year, {words} (ai_demand_basis {basis}), not a figure the publisher gives: {string.Join(", ", ids)}");
            }
        }

        return new GapResult(
            settings,
            byYear,
            byRegion,
            FirmSupply.Additions(inputs.Generators, tail, settings),
            UsVsChina.Compute(inputs.Countries, notes),
            Headlines(inputs.Scenarios, byYear, settings),
            notes,
            peakShares.Year);
    }

    /// <summary>Rounds to 6 decimals, half away from zero, without a negative zero.</summary>
    public static double Round6(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero) + 0.0;

    /// <summary>A published number: at most 6 decimals, invariant culture, never exponent notation.</summary>
    public static string Format(double value) => Round6(value).ToString("0.######", CultureInfo.InvariantCulture);

    /// <param name="ai">Null where a region has no share to allocate by; the gap is then null too.</param>
    private static GapRow Row(string scenario, string? region, int year, double? ai, string aiBasis, double? growth, string growthBasis, double reserveMargin, (double Gw, string Basis) firm)
    {
        var (a, o, r, f) = (Round6(ai), Round6(growth), Round6(reserveMargin), Round6(firm.Gw));
        return new GapRow(scenario, region, year, a, aiBasis, o, growthBasis, r, f, Round6(((a + o) * (1 + r)) - f), firm.Basis);
    }

    private static double? Round6(double? value) => value is { } v ? Round6(v) : null;

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
            var (baseGw, baseBasis) = curve.At(settings.BaseYear);
            if (baseBasis == ScenarioValueBasis.Assumption)
            {
                notes.Add($"scenario {group.Key}'s value in base year {settings.BaseYear} ({Format(baseGw)} GW) is this project's assumption, not published: every year's ai_demand_gw counts from it");
            }

            if (curve.LastYear < settings.HorizonYear)
            {
                notes.Add($"scenario {group.Key} has no point after {curve.LastYear}: its AI demand is held flat from there to {settings.HorizonYear} ({ScenarioValueBasis.ExtrapolatedFlat}), so its later gaps assume no AI growth after {curve.LastYear}");
            }

            demand[group.Key] = years.Select(y =>
            {
                var (gw, basis) = curve.At(y);
                return (gw - baseGw, basis);
            }).ToArray();
        }

        return demand;
    }

    /// <summary>The firm additions by the year (in the region, or the US), and the basis of their completion weights.</summary>
    private static (double Gw, string Basis) Firm(List<FirmSupply.FirmEvent> events, int year, string? region)
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

    private static List<ScenarioHeadline> Headlines(IReadOnlyList<ScenarioPoint> points, List<GapRow> byYear, GapSettings settings)
    {
        var headlines = new List<ScenarioHeadline>();
        foreach (var rows in byYear.GroupBy(r => r.ScenarioId, StringComparer.Ordinal))
        {
            var scenario = points.Where(p => p.ScenarioId == rows.Key).OrderBy(p => p.Year).ToList();
            var dataCentres = scenario.Any(p => p.Notes.Contains(ScenarioPoint.AllDataCentresMarker, StringComparison.Ordinal));
            // A US row always has its gap: only a region can lack a share.
            double? gap2028 = rows.FirstOrDefault(r => r.Year == HeadlineYear)?.GapGw;
            var horizon = rows.Single(r => r.Year == settings.HorizonYear).GapGw!.Value;
            var (year, gap) = gap2028 is { } g ? (HeadlineYear, g) : (settings.HorizonYear, horizon);
            var overridden = scenario.Any(p => p.IsOverride);
            headlines.Add(new ScenarioHeadline(rows.Key, scenario[0].Source, gap2028, settings.HorizonYear, horizon, GapHeadlineText.Sentence(rows.Key, scenario[0].Source, year, gap, dataCentres, overridden)));
        }

        return headlines;
    }
}
