using AiEnergyPipeline.Sources.Ember;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using CsvHelper;
using System.Globalization;

namespace AiEnergyPipeline.Gap;

/// <summary>
/// Reads the gap model's inputs from the run's staged tables (the CSV files the normalisers wrote)
/// and the curated region mapping. The tables were validated when they were written, so a value
/// that does not parse here is a bug or a changed schema, and fails the computation.
/// </summary>
public static class GapInputsReader
{
    public const string RegionsFileName = "balancing_authority_regions.csv";

    /// <summary>The tables the gap reads: all a recompute downloads (never ba_hourly).</summary>
    public static IReadOnlyList<string> Tables { get; } =
        [Schemas.DemandScenarios.Name, Schemas.Assumptions.Name, Schemas.Generators.Name, Schemas.BaAnnual.Name, Schemas.CountryCapacity.Name, Schemas.Quarantine.Name];

    /// <exception cref="GapException">A table the model needs is missing or does not parse.</exception>
    public static GapInputs Read(IReadOnlyList<StagedTable> tables, string regionsPath)
    {
        string PathOf(TableSchema schema) => tables.FirstOrDefault(t => t.Schema.Name == schema.Name && t.IsTable)?.LocalPath
            ?? throw new GapException($"the table '{schema.Name}' was not produced by this run.");

        var scenarios = ReadRows(PathOf(Schemas.DemandScenarios), "demand_scenarios", r => new ScenarioPoint(r["scenario_id"], r.Int("year"), r.Number("ai_load_gw"), r["source"], r["notes"]));
        var assumptionRows = ReadRows(PathOf(Schemas.Assumptions), "assumptions", r => (Name: r["name"], Value: r.Number("value"), Notes: r["notes"]));
        var assumptions = assumptionRows.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
        var generators = ReadRows(PathOf(Schemas.Generators), "generators", r => new GeneratorUnit(
            r["sheet"], r["balancing_authority_code"], r["accreditation_class"], r["status"], r.Number("nameplate_mw"), r.YearOfMonth("planned_operation_month"), r.YearOfMonth("planned_retirement_month"),
            r["state"], r.OptionalNumber("plant_id") is { } plant ? (long)plant : null, r.YearOfMonth("operating_month"), r.YearOfMonth("retirement_month")));
        // A year whose every hour was flagged has no peak: nothing to share or trend.
        var annual = ReadRows(PathOf(Schemas.BaAnnual), "ba_annual", r => (Code: r["balancing_authority_code"], Peak: r.OptionalNumber("peak_demand_mw") is { } peak
                ? new AnnualPeak(r["balancing_authority_code"], r.Int("year"), peak, r.Number("coverage_ratio"))
                : null));
        var peaks = annual.Select(a => a.Peak).OfType<AnnualPeak>().ToList();
        var withPeaks = peaks.Select(p => p.BalancingAuthorityCode).ToHashSet(StringComparer.Ordinal);
        var countries = ReadCountries(PathOf(Schemas.CountryCapacity));
        var regions = ReadRegions(regionsPath);
        // Optional: a run published before the gap read it has one all the same, and a test's inputs may have none.
        var quarantine = tables.FirstOrDefault(t => t.Schema.Name == Schemas.Quarantine.Name && t.IsTable && t.Format == "csv")?.LocalPath;
        return new GapInputs(scenarios, assumptions, generators, peaks, countries, regions)
        {
            Measured = assumptionRows.Where(a => MeasuredAssumptions.IsMeasured(a.Notes)).ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal),
            UnreadGenerators = quarantine is null ? [] : ReadUnreadGenerators(quarantine),
            WithoutPeaks = [.. annual.Select(a => a.Code).Where(c => !withPeaks.Contains(c)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>The EIA-860M rows of quarantine.csv, counted by workbook and sheet.</summary>
    internal static IReadOnlyList<UnreadGeneratorRows> ReadUnreadGenerators(string path) =>
        [.. ReadRows(path, "quarantine", r => r["source"] == SourceNames.Eia860m ? (File: r["file"], Sheet: UnreadGeneratorRows.SheetOf(r["reason"])) : default((string File, string Sheet)?))
            .OfType<(string File, string Sheet)>()
            .GroupBy(r => r.File, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new UnreadGeneratorRows(g.Key, g.GroupBy(r => r.Sheet, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Count(), StringComparer.Ordinal)))];

    public static IReadOnlyList<BalancingAuthorityRegion> ReadRegions(string path) =>
        ReadRows(path, RegionsFileName, r => new BalancingAuthorityRegion(r["balancing_authority_code"], r["balancing_authority_name"], r["region_code"], r["region_name"]));

    private sealed record CountryRow(string Iso3, int Year, string Fuel, bool IsAggregate, double? AdditionsGw, bool? Complete);

    /// <summary>
    /// The totals of the United States and China, each with the groups its year's single fuels
    /// leave unreported, which a note names when the year is left empty. A table published before
    /// the complete column existed is judged by those groups alone.
    /// </summary>
    internal static List<CountryAdditions> ReadCountries(string path)
    {
        var rows = ReadRows(path, "country_capacity", r => r["iso3"] is "USA" or "CHN"
                ? new CountryRow(r["iso3"], r.Int("year"), r["fuel"], r.Bool("is_aggregate"), r.OptionalNumber("additions_gw"), r.OptionalBool("complete"))
                : null)
            .OfType<CountryRow>().ToList();
        var singleFuels = rows.Where(r => !r.IsAggregate).ToLookup(r => (r.Iso3, r.Year), r => r.Fuel);
        return rows.Where(r => r.Fuel == EmberFuels.TotalName).Select(r =>
        {
            var missing = EmberFuelGroups.Missing(singleFuels[(r.Iso3, r.Year)]);
            return new CountryAdditions(r.Iso3, r.Year, r.AdditionsGw, r.Complete ?? missing.Count == 0, missing);
        }).ToList();
    }

    private static List<T> ReadRows<T>(string path, string table, Func<Row, T> read)
    {
        if (!File.Exists(path))
        {
            throw new GapException($"{table}: the file {Path.GetFileName(path)} does not exist.");
        }

        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true }, leaveOpen: true);
        var columns = csv.Headers.Select((h, i) => (h, i)).ToDictionary(p => p.h.Trim(), p => p.i, StringComparer.Ordinal);
        var rows = new List<T>();
        while (csv.Read())
        {
            rows.Add(read(new Row(csv, columns, table)));
        }

        return rows;
    }

    /// <summary>The current record, by column name.</summary>
    private readonly struct Row(CsvReader csv, Dictionary<string, int> columns, string table)
    {
        public string this[string column] => columns.TryGetValue(column, out var i)
            ? (i < csv.FieldCount ? csv.GetString(i).Trim() : "")
            : throw new GapException($"{table}: the column '{column}' is missing.");

        public double Number(string column) => OptionalNumber(column) ?? throw Problem(column, "is empty");

        public double? OptionalNumber(string column)
        {
            var text = this[column];
            if (text.Length == 0)
            {
                return null;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw Problem(column, $"'{text}' is not a number");
        }

        public bool Bool(string column) =>
            bool.TryParse(this[column], out var value) ? value : throw Problem(column, $"'{this[column]}' is not true or false");

        /// <summary>A true/false column, or null when the table has no such column (it was published before the column existed).</summary>
        public bool? OptionalBool(string column) => columns.ContainsKey(column) ? Bool(column) : null;

        public int Int(string column) =>
            int.TryParse(this[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Problem(column, $"'{this[column]}' is not a whole number");

        /// <summary>The year of a yyyy-MM value, or null when empty.</summary>
        public int? YearOfMonth(string column)
        {
            var text = this[column];
            if (text.Length == 0)
            {
                return null;
            }

            return text.Length >= 4 && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                ? year
                : throw Problem(column, $"'{text}' is not a yyyy-MM month");
        }

        private GapException Problem(string column, string what) => new($"{table} line {csv.LineNumber}: '{column}' {what}.");
    }
}
