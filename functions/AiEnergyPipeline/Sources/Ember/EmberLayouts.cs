using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Sources.Ember;

/// <summary>
/// Recognises an Ember file by its header: each layout has columns the others lack (Category and
/// Value; Electricity source and Capacity (GW); variable and capacity_gw). Columns are matched by
/// normalised name with aliases, so reordered, re-cased and renamed columns still match.
/// </summary>
public static class EmberLayouts
{
    private static readonly string[] AreaAliases = ["Country", "Country or region", "country_or_region", "Area name"];
    private static readonly string[] Iso3Aliases = ["ISO3", "ISO 3", "ISO3 code", "ISO code", "Country code", "alpha_3", "iso_a3"];
    private static readonly string[] AreaTypeAliases = ["Area kind"];

    private static readonly Layout[] Layouts =
    [
        new(EmberLayout.LongFormat, "long format",
            [
                new("Area", true, AreaAliases), new("ISO 3 code", true, Iso3Aliases), new("Year", true),
                new("Category", true), new("Variable", true, "Series"), new("Unit", true, "Units"), new("Value", true),
                new("Area type", false, AreaTypeAliases), new("Subcategory", false, "Sub category"),
            ],
            m => new EmberColumns(EmberLayout.LongFormat, m["Area"], m["ISO 3 code"], m["Area type"], m["Year"], m["Category"], m["Subcategory"], m["Variable"], m["Unit"], m["Value"], -1) { ValueName = "Value" }),
        new(EmberLayout.Wide, "wide yearly layout",
            [
                new("Area", true, AreaAliases), new("ISO 3 code", true, Iso3Aliases), new("Year", true),
                new("Electricity source", true, "Source", "Fuel"), new("Capacity (GW)", true, "Capacity GW", "Installed capacity (GW)"),
                new("Is aggregated source", false, "Is aggregate", "Aggregated source", "is_aggregate"), new("Area type", false, AreaTypeAliases),
            ],
            m => new EmberColumns(EmberLayout.Wide, m["Area"], m["ISO 3 code"], m["Area type"], m["Year"], -1, -1, m["Electricity source"], -1, m["Capacity (GW)"], m["Is aggregated source"]) { ValueName = "Capacity (GW)" }),
        new(EmberLayout.ApiExtract, "older API extract",
            [
                new("date", true, "Year", "period"), new("country", true, "country_or_region", "Area"), new("alpha_3", true, "ISO 3 code", "country_code", "iso3"),
                new("variable", true, "fuel", "series"), new("capacity_gw", true, "Capacity (GW)"),
            ],
            m => new EmberColumns(EmberLayout.ApiExtract, m["country"], m["alpha_3"], -1, m["date"], -1, -1, m["variable"], -1, m["capacity_gw"], -1) { ValueName = "capacity_gw" }),
    ];

    /// <summary>The first layout whose required columns the header has.</summary>
    /// <exception cref="SourceException">No layout matches: the message lists each layout's missing columns.</exception>
    public static EmberColumns Detect(IReadOnlyList<string> headers, FetchedFile file)
    {
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            throw new SourceException(file.Source, file.FileName, "the file has no header row.");
        }

        var misses = new List<string>();
        foreach (var layout in Layouts)
        {
            if (ColumnMap.TryCreate(headers, layout.Columns, out var missing) is { } map)
            {
                return layout.Bind(map);
            }

            var required = string.Join(", ", layout.Columns.Where(c => c.Required).Select(c => c.Name));
            misses.Add($"{layout.Description} ({required}): {ColumnMap.MissingMessage(missing).TrimEnd('.')}");
        }

        var header = string.Join(",", headers.Take(20));
        throw new SourceException(file.Source, file.FileName,
            $"the header matches none of the Ember layouts this reader knows. Expected one of: {string.Join("; ", misses)}. The header was: {(header.Length > 300 ? header[..300] : header)}");
    }

    private sealed record Layout(EmberLayout Kind, string Description, ColumnSpec[] Columns, Func<ColumnMap, EmberColumns> Bind);
}
