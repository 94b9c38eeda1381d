using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// Folds the demand series of ba_hourly into ba_annual as rows stream past: one small
/// accumulator per balancing authority and year, whatever the number of hours. Hours the demand
/// screen flags are counted apart (flagged_hours) and left out of peak, energy and hours, so that
/// one impossible hour (a stuck meter, a spike of 2,147,480,000 MW) cannot become a year's peak.
/// </summary>
public sealed class BaAnnualAggregator
{
    private readonly Dictionary<(string Ba, int Year), Accumulator> _years = [];

    public void Add(in BaHourlyRecord record)
    {
        if (record.Series != BaSeries.Demand)
        {
            return;
        }

        var key = (record.BalancingAuthorityCode, record.PeriodEndUtc.Year);
        if (!_years.TryGetValue(key, out var accumulator))
        {
            accumulator = new Accumulator();
            _years[key] = accumulator;
        }

        // Demand not screened (null) is taken as it is.
        if (record.Quality is null or DemandQuality.Ok)
        {
            accumulator.Peak = Math.Max(accumulator.Peak, record.ValueMw);
            accumulator.Energy += record.ValueMw;
            accumulator.Hours++;
        }
        else
        {
            accumulator.Flagged++;
        }
    }

    /// <summary>Folds another partition's sums into these: peaks take the maximum, energy and hours (reported and flagged) add.</summary>
    public void Merge(BaAnnualAggregator other)
    {
        foreach (var (key, theirs) in other._years)
        {
            if (!_years.TryGetValue(key, out var mine))
            {
                mine = new Accumulator();
                _years[key] = mine;
            }

            mine.Peak = Math.Max(mine.Peak, theirs.Peak);
            mine.Energy += theirs.Energy;
            mine.Hours += theirs.Hours;
            mine.Flagged += theirs.Flagged;
        }
    }

    /// <summary>The sums as they stand, by balancing authority and year: what a cached partition keeps of its ba_annual.</summary>
    public IReadOnlyList<BaAnnualPartial> Partials() =>
        _years.OrderBy(p => p.Key.Ba, StringComparer.Ordinal).ThenBy(p => p.Key.Year)
            .Select(p => new BaAnnualPartial(p.Key.Ba, p.Key.Year, p.Value.Peak, p.Value.Energy, p.Value.Hours, p.Value.Flagged))
            .ToList();

    /// <summary>Sums kept by <see cref="Partials"/>, back as an aggregator to merge.</summary>
    public static BaAnnualAggregator FromPartials(IEnumerable<BaAnnualPartial> partials)
    {
        var aggregator = new BaAnnualAggregator();
        foreach (var p in partials)
        {
            aggregator._years[(p.BalancingAuthorityCode, p.Year)] = new Accumulator { Peak = p.PeakDemandMw, Energy = p.EnergyMwh, Hours = p.Hours, Flagged = p.FlaggedHours };
        }

        return aggregator;
    }

    public void WriteTo(TableWriter writer)
    {
        foreach (var ((ba, year), a) in _years.OrderBy(p => p.Key.Ba, StringComparer.Ordinal).ThenBy(p => p.Key.Year))
        {
            var hoursInYear = DateTime.IsLeapYear(year) ? 8784 : 8760;
            writer.Csv.WriteField(ba);
            writer.Csv.WriteField(year);
            if (a.Hours > 0)
            {
                writer.Csv.WriteField(a.Peak);
            }
            else
            {
                // every hour of the year was flagged: there is no peak to give
                writer.Csv.WriteField("");
            }

            writer.Csv.WriteField(a.Energy);
            writer.Csv.WriteField(a.Hours);
            writer.Csv.WriteField(Math.Round((double)a.Hours / hoursInYear, 6));
            writer.Csv.WriteField(a.Flagged);
            writer.EndRow();
        }
    }

    private sealed class Accumulator
    {
        public double Peak { get; set; } = double.MinValue;
        public double Energy { get; set; }
        public long Hours { get; set; }
        public long Flagged { get; set; }
    }
}
