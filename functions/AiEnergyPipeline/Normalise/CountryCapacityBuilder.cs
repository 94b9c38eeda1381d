using System.Globalization;
using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Normalise;

/// <summary>One row of country_capacity.</summary>
public readonly record struct CountryCapacityRow(string Iso3, string Country, int Year, string Fuel, bool IsAggregate, double CapacityGw, double? AdditionsGw);

/// <summary>
/// Collects capacity values and turns them into country_capacity rows: one total per country and
/// year, and year-on-year additions, sorted by iso3, fuel and year.
/// <para>
/// Memory: the rows must come out sorted by iso3, fuel and year, and each needs the previous
/// year's value of the same country and fuel, while the long format runs by area, then year, then
/// category. Keeping only a previous value per (iso3, fuel) would need the input in output order,
/// which no layout promises; an external sort would be machinery for a small set. So the builder
/// keeps the capacity values themselves, and only those: about 220 countries x 25 years x 16
/// fuels, under 100,000 small entries (a few MB), however large the file around them (the 50 MB
/// long format is mostly generation, emissions and demand rows, which stream past). Measured on a
/// 49 MB synthetic long-format file: 0.6 s, and peak memory of the whole offline run 103 MB
/// against 72 MB with the bundled snapshot.
/// </para>
/// </summary>
public sealed class CountryCapacityBuilder
{
    /// <summary>Output precision: 1 kW, far below Ember's own, and enough to drop float noise such as -1.39e-17 GW.</summary>
    public const int Decimals = 6;

    private readonly Dictionary<string, string> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Iso3, int Year, string Fuel), (EmberFuel Fuel, double Gw, long Line)> _values = [];

    /// <summary>
    /// Adds a value. A second value for the same country, year and fuel goes to the quarantine and
    /// the first is kept: the older API extract lists Bangladesh twice a year, with another
    /// country's figures the second time.
    /// </summary>
    public bool Add(in EmberCapacityValue value, FetchedFile file, Action<QuarantineRecord> quarantine)
    {
        var key = (value.Iso3, value.Year, value.Fuel.Name);
        if (_values.TryGetValue(key, out var first))
        {
            quarantine(new QuarantineRecord(file.Source, file.FileName, file.RawPath, value.Line,
                $"duplicate of line {first.Line}: same ISO 3 code, year and fuel ({value.Iso3} {value.Year} {value.Fuel.Name})",
                string.Create(CultureInfo.InvariantCulture, $"{value.Iso3},{value.Country},{value.Year},{value.Fuel.Name},{value.CapacityGw}")));
            return false;
        }

        _values[key] = (value.Fuel, value.CapacityGw, value.Line);
        _countries.TryAdd(value.Iso3, value.Country);
        return true;
    }

    /// <summary>
    /// Every row, with one total per country and year: the source's own total where it gives one,
    /// else the sum of the single fuels it reports (never of aggregates, never both). A country
    /// and year with neither has no total.
    /// </summary>
    public IEnumerable<CountryCapacityRow> Rows()
    {
        var rows = new List<(string Iso3, string Fuel, int Year, bool IsAggregate, double Gw)>(_values.Count + _values.Count / 8);
        var sums = new Dictionary<(string Iso3, int Year), double>();
        var sourceTotals = new HashSet<(string Iso3, int Year)>();
        foreach (var ((iso3, year, name), (fuel, gw, _)) in _values)
        {
            rows.Add((iso3, name, year, fuel.IsAggregate, gw));
            if (fuel.Kind == EmberFuelKind.Single)
            {
                // The published (rounded) values, so that total is exactly the sum of the rows a reader sees.
                sums[(iso3, year)] = sums.GetValueOrDefault((iso3, year)) + Round(gw);
            }
            else if (fuel.Kind == EmberFuelKind.Total)
            {
                sourceTotals.Add((iso3, year));
            }
        }

        foreach (var ((iso3, year), sum) in sums)
        {
            if (!sourceTotals.Contains((iso3, year)))
            {
                rows.Add((iso3, EmberFuels.TotalName, year, true, sum));
            }
        }

        rows.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.Iso3, b.Iso3);
            c = c != 0 ? c : string.CompareOrdinal(a.Fuel, b.Fuel);
            return c != 0 ? c : a.Year.CompareTo(b.Year);
        });

        (string Iso3, string Fuel, int Year, double Gw)? previous = null;
        foreach (var (iso3, fuel, year, isAggregate, gw) in rows)
        {
            var capacity = Round(gw);
            double? additions = previous is { } p && p.Iso3 == iso3 && p.Fuel == fuel && p.Year == year - 1 ? Round(capacity - p.Gw) : null;
            yield return new CountryCapacityRow(iso3, _countries[iso3], year, fuel, isAggregate, capacity, additions);
            previous = (iso3, fuel, year, capacity);
        }
    }

    /// <summary>Rounds to <see cref="Decimals"/>, and turns -0 into 0.</summary>
    private static double Round(double value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero) + 0.0;
}
