using AiEnergyPipeline.Vocabulary;
using System.Globalization;

namespace AiEnergyPipeline.Gap;

/// <summary>
/// Regional shares of AI demand: each region's part of the summed annual peaks of its balancing
/// authorities. Each authority's peak is from its latest complete year (coverage_ratio at least
/// complete_year_min_coverage): a year of 30 hours is a sample of a season, not the year's peak,
/// and would shrink its region's share. The unit is the authority-year, because authorities
/// report over different spans. One with no complete year at all counts in the sum with its
/// best-covered year (the latest of equals), never a newer year of fewer hours, so that the other
/// regions' shares are not inflated by its absence; but its own region's share would rest on a
/// sample of a season, so that region is in <see cref="PeakShareResult.PartialRegions"/> (its AI
/// demand is published empty) and the note names the authority and its coverage.
/// </summary>
public static class PeakShares
{
    public static PeakShareResult Compute(IReadOnlyList<AnnualPeak> peaks, Func<string, string> regionOf, double minCoverage)
    {
        if (peaks.Count == 0)
        {
            return new PeakShareResult(new Dictionary<string, double>(), null, null);
        }

        var chosen = new List<(AnnualPeak Peak, bool Complete)>();
        foreach (var ba in peaks.GroupBy(p => p.BalancingAuthorityCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var complete = ba.Where(p => p.CoverageRatio >= minCoverage).MaxBy(p => p.Year);
            var bestCovered = ba.OrderByDescending(p => p.CoverageRatio).ThenByDescending(p => p.Year).First();
            chosen.Add(complete is not null ? (complete, true) : (bestCovered, false));
        }

        var byRegion = chosen.GroupBy(c => regionOf(c.Peak.BalancingAuthorityCode), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Peak.PeakDemandMw), StringComparer.Ordinal);
        var total = byRegion.Values.Sum();
        var shares = total <= 0 ? [] : byRegion.ToDictionary(p => p.Key, p => p.Value / total, StringComparer.Ordinal);

        // The year most authorities' peaks come from, the later on a tie: the one to name.
        var year = chosen.GroupBy(c => c.Peak.Year).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        var partialRegions = chosen.Where(c => !c.Complete).Select(c => regionOf(c.Peak.BalancingAuthorityCode)).ToHashSet(StringComparer.Ordinal);
        return new PeakShareResult(shares, year, Note(chosen, year, minCoverage)) { PartialRegions = partialRegions };
    }

    private static string Note(List<(AnnualPeak Peak, bool Complete)> chosen, int year, double minCoverage)
    {
        var coverage = GapModel.Format(minCoverage);
        var note = $"regional shares of AI demand from the peaks of {year.ToString(CultureInfo.InvariantCulture)}: each balancing authority's latest complete year (coverage_ratio >= {coverage}, {AssumptionNames.CompleteYearMinCoverage})";
        var otherYears = chosen.Where(c => c.Complete && c.Peak.Year != year).Select(c => $"{c.Peak.BalancingAuthorityCode} {c.Peak.Year.ToString(CultureInfo.InvariantCulture)}").ToList();
        if (otherYears.Count > 0)
        {
            note += $"; from other complete years: {string.Join(", ", otherYears)}";
        }

        var partial = chosen.Where(c => !c.Complete)
            .Select(c => $"{c.Peak.BalancingAuthorityCode} {c.Peak.Year.ToString(CultureInfo.InvariantCulture)} (coverage {GapModel.Format(c.Peak.CoverageRatio)})").ToList();
        if (partial.Count > 0)
        {
            note += $"; without a complete year, counted in the sum with their best-covered partial year, their regions' ai_demand_gw (and other_load_growth_gw, where it is the US assumption by the same share) and gap_gw left empty: {string.Join(", ", partial)}";
        }

        return note;
    }
}
