using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;
using System.Globalization;

namespace AiEnergyPipeline.Sources.Ember;

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

    /// <summary>
    /// The most capacity values a file may hold, a fixed bound (no real file comes near it): Ember's
    /// has under 100,000. Past it the file is not Ember's, and every value kept costs memory.
    /// </summary>
    public const int MaxValues = 250_000;

    /// <summary>The most distinct fuels and aggregates a file may name: Ember's names about 20.</summary>
    public const int MaxFuels = 200;

    private readonly HashSet<string> _fuels = new(StringComparer.Ordinal);

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

        if (_values.Count >= MaxValues)
        {
            throw new SourceException(file.Source, file.FileName, $"line {value.Line}: more than {MaxValues:N0} capacity values (by country, year and fuel), where Ember's file has under 100,000: not read further.");
        }

        if (_fuels.Add(value.Fuel.Name) && _fuels.Count > MaxFuels)
        {
            throw new SourceException(file.Source, file.FileName, $"line {value.Line}: more than {MaxFuels} distinct fuels (the last '{value.Fuel.Name}'), where Ember's file names about 20: not read further.");
        }

        _values[key] = (value.Fuel, value.CapacityGw, value.Line);
        _countries.TryAdd(value.Iso3, value.Country);
        return true;
    }

    /// <summary>
    /// Every row, with one total per country and year that has any value. The total's capacity is
    /// the source's own total where it gives one, else the sum of the single fuels (never of
    /// aggregates, never both); but only where the single fuels report every group of
    /// <see cref="EmberFuelGroups"/>: elsewhere the total is unknown, and its row says so with an
    /// empty capacity and complete false rather than a sum that is short by a whole fuel.
    /// </summary>
    public IEnumerable<CountryCapacityRow> Rows()
    {
        var rows = new List<Entry>(_values.Count + _values.Count / 8);
        var years = new Dictionary<(string Iso3, int Year), CountryYear>();
        foreach (var ((iso3, year, name), (fuel, gw, _)) in _values)
        {
            if (!years.TryGetValue((iso3, year), out var countryYear))
            {
                years[(iso3, year)] = countryYear = new CountryYear();
            }

            if (fuel.Kind == EmberFuelKind.Total)
            {
                countryYear.SourceTotal = gw;
                continue;
            }

            rows.Add(new Entry(iso3, name, year, fuel.IsAggregate, Round(gw), true, null));
            if (fuel.Kind == EmberFuelKind.Single)
            {
                // The published (rounded) values, so that total is exactly the sum of the rows a reader sees.
                countryYear.Sum += Round(gw);
                countryYear.Fuels.Add(name);
            }
        }

        foreach (var ((iso3, year), countryYear) in years)
        {
            var complete = EmberFuelGroups.Missing(countryYear.Fuels).Count == 0;
            double? capacity = complete ? Round(countryYear.SourceTotal ?? countryYear.Sum) : null;
            rows.Add(new Entry(iso3, EmberFuels.TotalName, year, true, capacity, complete, string.Join(',', countryYear.Fuels)));
        }

        rows.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.Iso3, b.Iso3);
            c = c != 0 ? c : string.CompareOrdinal(a.Fuel, b.Fuel);
            return c != 0 ? c : a.Year.CompareTo(b.Year);
        });

        Entry? previous = null;
        foreach (var row in rows)
        {
            yield return new CountryCapacityRow(row.Iso3, _countries[row.Iso3], row.Year, row.Fuel, row.IsAggregate, row.CapacityGw, Additions(previous, row), row.Complete);
            previous = row;
        }
    }

    /// <summary>
    /// The change from the previous year of the same country and fuel, where both years have a
    /// value. A total also needs the same single fuels in both years: a fuel reported in one year
    /// and blank in the other would otherwise pass for an addition or a retirement of its whole
    /// capacity.
    /// </summary>
    private static double? Additions(Entry? previous, Entry row) =>
        previous is { } p && p.Iso3 == row.Iso3 && p.Fuel == row.Fuel && p.Year == row.Year - 1
            && p.CapacityGw is { } before && row.CapacityGw is { } now && p.SingleFuels == row.SingleFuels
            ? Round(now - before)
            : null;

    /// <summary>A row before its additions; SingleFuels (sorted, joined) only on totals.</summary>
    private sealed record Entry(string Iso3, string Fuel, int Year, bool IsAggregate, double? CapacityGw, bool Complete, string? SingleFuels);

    /// <summary>What one country and year reports: the sum and names of its single fuels, and the source's own total.</summary>
    private sealed class CountryYear
    {
        public double Sum { get; set; }

        public SortedSet<string> Fuels { get; } = new(StringComparer.Ordinal);

        public double? SourceTotal { get; set; }
    }

    /// <summary>Rounds to <see cref="Decimals"/>, and turns -0 into 0.</summary>
    private static double Round(double value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero) + 0.0;
}
