using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Tabular;
using CsvHelper;
using System.Globalization;
using System.Text;

namespace AiEnergyPipeline.Sources.Ember;

/// <summary>
/// Reads an Ember capacity file, in any of its three layouts (<see cref="EmberLayouts"/>), as a
/// stream of country capacity values: nothing is held but the current row, so the 50 MB long
/// format, whose capacity rows are a small part of it, passes through in constant memory.
/// Regions, non-capacity rows and blank values are skipped and counted; rows that cannot be read
/// (a malformed number or year, an unknown variable) go to the quarantine with their line.
/// </summary>
public static class EmberCapacityCsv
{
    /// <summary>Values Ember's tools write for "no value": treated as blank, not as malformed.</summary>
    private static readonly HashSet<string> BlankTokens = new(StringComparer.OrdinalIgnoreCase) { "", "nan", "na", "n/a", "null", "none" };

    /// <summary>Float noise around zero (Ember has -1.39e-17 GW): kept, and rounded away on output; anything below is an error.</summary>
    private const double NegativeTolerance = -1e-6;

    /// <summary>Every readable capacity value of the file; unreadable rows go to <paramref name="quarantine"/>.</summary>
    /// <exception cref="SourceException">The file is empty, HTML, or its header matches no Ember layout.</exception>
    public static IEnumerable<EmberCapacityValue> Read(Stream content, FetchedFile file, Action<QuarantineRecord> quarantine, EmberReadStats? stats = null, SourceLimitsOptions? limits = null)
    {
        stats ??= new EmberReadStats();
        CsvInput.RejectIfNotCsv(content, file);
        var options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true, PoolStrings = true };
        using var csv = CsvInput.Open(content, file.Source, file.FileName, options, limits);
        var columns = EmberLayouts.Detect(csv.Headers, file);
        stats.Layout = columns.Layout;
        while (CsvInput.Read(csv, file.Source, file.FileName, limits))
        {
            stats.Rows++;
            var row = new Row(csv, file, quarantine, stats);
            if (columns.Layout == EmberLayout.LongFormat &&
                (!row.Get(columns.Category).Equals("Capacity", StringComparison.OrdinalIgnoreCase) || !row.Get(columns.Unit).Equals("GW", StringComparison.OrdinalIgnoreCase)))
            {
                stats.NotCapacity++;
                continue;
            }

            var iso3 = row.Get(columns.Iso3).ToUpperInvariant();
            if (iso3.Length == 0 || (columns.AreaType >= 0 && !IsCountry(row.Get(columns.AreaType))))
            {
                stats.NotCountry++;
                continue;
            }

            if (iso3.Length != 3 || !iso3.All(char.IsAsciiLetterUpper))
            {
                row.Quarantine($"ISO 3 code '{CsvInput.Shorten(iso3)}' is not three letters");
                continue;
            }

            var fuel = Classify(row, columns, out var problem);
            if (fuel is null)
            {
                row.Quarantine(problem!);
                continue;
            }

            if (fuel.Kind == EmberFuelKind.NotCapacity)
            {
                stats.NotCapacity++;
                continue;
            }

            var raw = row.Get(columns.Value);
            if (BlankTokens.Contains(raw))
            {
                stats.Blank++;
                continue;
            }

            if (!TryParseYear(row.Get(columns.Year), columns.Layout, out var year))
            {
                row.Quarantine($"'{(columns.Layout == EmberLayout.ApiExtract ? "date" : "Year")}' value '{CsvInput.Shorten(row.Get(columns.Year))}' is not a year");
                continue;
            }

            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                row.Quarantine($"'{columns.ValueName}' value '{CsvInput.Shorten(raw)}' is not a number");
                continue;
            }

            if (value < NegativeTolerance)
            {
                row.Quarantine($"'{columns.ValueName}' value '{CsvInput.Shorten(raw)}' is a negative capacity");
                continue;
            }

            stats.Values++;
            yield return new EmberCapacityValue(iso3, row.Get(columns.Area), year, fuel, value, csv.LineNumber);
        }
    }

    /// <summary>
    /// Known names decide first (<see cref="EmberFuels"/>); an unknown variable is taken as the
    /// file classes it, by the long format's subcategory or the wide layout's "Is aggregated
    /// source". The older extract says nothing, so an unknown variable there is quarantined rather
    /// than guessed into (or out of) the total.
    /// </summary>
    private static EmberFuel? Classify(Row row, EmberColumns columns, out string? problem)
    {
        problem = null;
        var variable = row.Get(columns.Variable);
        if (variable.Length == 0)
        {
            problem = "the variable (fuel) is empty";
            return null;
        }

        if (EmberFuels.Find(variable) is { } known)
        {
            return known;
        }

        var subcategory = EmberFuels.SnakeCase(row.Get(columns.Subcategory));
        if (subcategory == "total")
        {
            return new EmberFuel(EmberFuels.TotalName, EmberFuelKind.Total);
        }

        bool? aggregated = subcategory switch
        {
            "fuel" => false,
            "aggregate_fuel" => true,
            _ => null,
        };
        if (aggregated is null && columns.IsAggregated >= 0)
        {
            var flag = row.Get(columns.IsAggregated);
            aggregated = flag.ToUpperInvariant() switch
            {
                "TRUE" or "1" or "YES" or "Y" => true,
                "FALSE" or "0" or "NO" or "N" => false,
                _ => null,
            };
            if (aggregated is null && flag.Length > 0)
            {
                problem = $"'Is aggregated source' value '{CsvInput.Shorten(flag)}' is not true or false";
                return null;
            }
        }

        if (aggregated is { } isAggregate)
        {
            return new EmberFuel(EmberFuels.SnakeCase(variable), isAggregate ? EmberFuelKind.Aggregate : EmberFuelKind.Single);
        }

        problem = $"unknown variable '{CsvInput.Shorten(variable)}': not a fuel or aggregate this reader knows, and the file does not say which it is";
        return null;
    }

    /// <summary>"Country" in older releases, "Country or economy" in newer ones; "Region" and the rest are aggregated areas.</summary>
    private static bool IsCountry(string areaType)
    {
        var folded = EmberFuels.SnakeCase(areaType);
        return folded.StartsWith("country", StringComparison.Ordinal) || folded == "economy";
    }

    /// <summary>A year ("2019"), or for the API extract a date ("2019-01-01T00:00:00Z") whose year it takes.</summary>
    private static bool TryParseYear(string text, EmberLayout layout, out int year)
    {
        year = 0;
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year))
        {
            return year is >= 1900 and <= 2200;
        }

        if (layout == EmberLayout.ApiExtract && text.Length >= 10 && text[4] == '-' &&
            DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            year = date.Year;
            return year is >= 1900 and <= 2200;
        }

        return false;
    }

    /// <summary>The current record, with the few things every check needs.</summary>
    private readonly struct Row(CsvReader csv, FetchedFile file, Action<QuarantineRecord> quarantine, EmberReadStats stats)
    {
        public string Get(int index) => index >= 0 && index < csv.FieldCount ? csv.GetString(index).Trim() : "";

        public void Quarantine(string reason)
        {
            stats.Quarantined++;
            quarantine(new QuarantineRecord(file.Source, file.FileName, file.RawPath, csv.LineNumber, reason, CsvInput.Excerpt(csv, 18)));
        }
    }
}
