namespace AiEnergyPipeline.Gap;

/// <summary>
/// Growth of non-AI peak load: the least-squares slope of annual peaks per balancing authority,
/// over its complete years (coverage_ratio at least complete_year_min_coverage, 0.9 by default),
/// for authorities with 3 or more such years. Partial years would make a trend of sampling, not of load: with fewer than 3 full
/// years anywhere the assumption other_load_growth_gw_per_year is used instead.
/// </summary>
public static class LoadGrowthTrend
{
    public const int MinYears = 3;

    /// <summary>Slope of each qualifying balancing authority's peaks, MW a year, by code (ordinal order).</summary>
    public static SortedDictionary<string, double> Slopes(IEnumerable<AnnualPeak> peaks, double minCoverage)
    {
        var slopes = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var group in peaks.Where(p => p.CoverageRatio >= minCoverage).GroupBy(p => p.BalancingAuthorityCode, StringComparer.Ordinal))
        {
            var points = group.OrderBy(p => p.Year).Select(p => ((double)p.Year, p.PeakDemandMw)).ToList();
            if (points.Select(p => p.Item1).Distinct().Count() >= MinYears)
            {
                slopes[group.Key] = LeastSquaresSlope(points);
            }
        }

        return slopes;
    }

    /// <summary>
    /// The authorities still reporting (with a peak in the latest year of the peaks) that have no
    /// slope: their growth is in no trend. One that stopped reporting long ago (a retired authority) is not named.
    /// </summary>
    public static IReadOnlyList<string> LeftOut(IReadOnlyList<AnnualPeak> peaks, double minCoverage)
    {
        if (peaks.Count == 0)
        {
            return [];
        }

        var latest = peaks.Max(p => p.Year);
        var slopes = Slopes(peaks, minCoverage);
        return [.. peaks.Where(p => p.Year == latest && !slopes.ContainsKey(p.BalancingAuthorityCode)).Select(p => p.BalancingAuthorityCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public static double LeastSquaresSlope(IReadOnlyList<(double X, double Y)> points)
    {
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxy = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return sxx == 0 ? 0 : sxy / sxx;
    }
}
