using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.Vocabulary;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Sources.Curated;

/// <summary>
/// Reads the curated demand_scenarios.csv strictly and converts every figure to the capacity it
/// needs. A row with an unknown basis or unit, a value that is not a number, a load factor
/// outside (0, 1], no source or URL, a repeated scenario and year, or nothing to convert it
/// with goes to the quarantine with its line and the reason.
/// </summary>
public static partial class DemandScenariosCsv
{
    public const string FileName = "demand_scenarios.csv";

    private static readonly ColumnSpec[] Specs =
    [
        new("scenario_id", Required: true),
        new("year", Required: true),
        new("value", Required: true),
        new("unit", Required: true),
        new("basis", Required: true),
        new("load_factor", Required: false),
        new("source", Required: true),
        new("url", Required: true),
        new("notes", Required: false),
    ];

    /// <summary>Every valid row, sorted by scenario and year; the others go to <paramref name="quarantine"/>.</summary>
    /// <exception cref="SourceException">The file has no header or lacks a required column.</exception>
    public static IReadOnlyList<DemandScenario> Read(Stream content, FetchedFile file, AssumptionSet assumptions, Action<QuarantineRecord> quarantine, SourceCounts counts)
    {
        using var csv = CuratedCsv.Open(content, file, Specs);
        var rows = new Dictionary<(string, int), DemandScenario>();
        while (csv.Read())
        {
            counts.RowsIn++;
            DemandScenario? row = null;
            var problem = csv.ShapeProblem() ?? Parse(csv, assumptions, out row);
            if (problem is null && rows.TryGetValue((row!.ScenarioId, row.Year), out var first))
            {
                problem = $"duplicate of line {first.Line}: scenario '{row.ScenarioId}' year {row.Year} appears twice";
            }

            if (problem is not null)
            {
                quarantine(csv.Quarantined(problem));
                continue;
            }

            rows[(row!.ScenarioId, row.Year)] = row;
        }

        return rows.Values.OrderBy(r => r.ScenarioId, StringComparer.Ordinal).ThenBy(r => r.Year).ToList();
    }

    private static string? Parse(CuratedCsv csv, AssumptionSet assumptions, out DemandScenario? row)
    {
        row = null;
        var id = csv["scenario_id"];
        if (!ScenarioIdPattern().IsMatch(id))
        {
            return $"'scenario_id' value '{CuratedCsv.Truncate(id)}' is not a snake_case id such as lbnl_2024_low";
        }

        var yearText = csv["year"];
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2100)
        {
            return $"'year' value '{CuratedCsv.Truncate(yearText)}' is not a year between 1900 and 2100";
        }

        var basisText = csv["basis"];
        if (DemandConversion.ParseBasis(basisText) is not { } basis)
        {
            return $"'basis' value '{CuratedCsv.Truncate(basisText)}' is not one of capacity, energy, share";
        }

        var unit = csv["unit"];
        var units = DemandConversion.Units[basis];
        if (!units.TryGetValue(unit, out var toBase))
        {
            return $"'unit' value '{CuratedCsv.Truncate(unit)}' is not a unit of basis {basisText} ({string.Join(", ", units.Keys)})";
        }

        var valueText = csv["value"];
        if (!CuratedCsv.TryNumber(valueText, out var value))
        {
            return $"'value' value '{CuratedCsv.Truncate(valueText)}' is not a number";
        }

        if (value < 0 || (basis == DemandBasis.Share && value > 100))
        {
            return $"'value' {value} is outside {(basis == DemandBasis.Share ? "[0, 100] %" : "[0, infinity)")}";
        }

        double? ownLoadFactor = null;
        var loadFactorText = csv["load_factor"];
        if (loadFactorText.Length > 0)
        {
            if (!CuratedCsv.TryNumber(loadFactorText, out var lf))
            {
                return $"'load_factor' value '{CuratedCsv.Truncate(loadFactorText)}' is not a number";
            }

            if (lf is <= 0 or > 1)
            {
                return $"'load_factor' {lf} is outside (0, 1]";
            }

            ownLoadFactor = lf;
        }

        if (CuratedCsv.CitationProblem(csv["source"], csv["url"]) is { } citation)
        {
            return citation;
        }

        var converted = Convert(basis, value * toBase, year, ownLoadFactor, assumptions, out var aiLoadGw, out var loadFactor);
        if (converted is not null)
        {
            return converted;
        }

        row = new DemandScenario(id, year, value, unit, basis, Math.Round(aiLoadGw, 4), loadFactor, csv["source"], csv["url"], csv["notes"], csv.Line);
        return null;
    }

    /// <summary>
    /// The capacity a figure needs, in GW. <paramref name="value"/> is in GW, TWh or percent by
    /// basis. Returns why it cannot be converted, or null.
    /// </summary>
    public static string? Convert(DemandBasis basis, double value, int year, double? ownLoadFactor, AssumptionSet assumptions, out double aiLoadGw, out double? loadFactor)
    {
        aiLoadGw = 0;
        loadFactor = null;
        if (basis == DemandBasis.Capacity)
        {
            aiLoadGw = value;
            return null;
        }

        loadFactor = ownLoadFactor ?? assumptions.DataCentreLoadFactor;
        if (loadFactor is not { } lf)
        {
            return $"an {basis.Name()} figure needs a load factor: the row has none and the assumptions lack {AssumptionNames.DataCentreLoadFactor}";
        }

        var twh = value;
        if (basis == DemandBasis.Share)
        {
            if (assumptions.ConsumptionFor(year) is not { } consumption)
            {
                return $"a share needs US consumption: the assumptions have no {AssumptionNames.ConsumptionPrefix}<year> for {year} or earlier";
            }

            twh = DemandConversion.ShareTwh(value, consumption.Twh);
        }

        aiLoadGw = DemandConversion.CapacityGw(twh, lf);
        return null;
    }

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+)*$")]
    private static partial Regex ScenarioIdPattern();
}
