using System.Text;

namespace AiEnergyPipeline.Sources.Ember;

/// <summary>
/// The fuels Ember publishes and how they nest, checked against the real releases: the older API
/// extract (`Fossil, Gas &amp; oil, Coal, Gas, Other fossil, Nuclear, Renewables, Hydro,
/// Hydro, bioenergy &amp; other renewables, Wind and solar, Wind, Solar, Bioenergy, Other renewables,
/// Clean`, plus `Production, Net imports, Demand`, always blank there) and the long format
/// (subcategories `Fuel` and `Aggregate fuel`, title-cased: `Gas and Other Fossil`, ...).
/// Names are matched case-, space- and punctuation-insensitively, with "&amp;" read as "and".
/// </summary>
public static class EmberFuels
{
    public const string TotalName = "total";

    /// <summary>
    /// The single fuels: together they partition a country's capacity, so the computed total is
    /// their sum and nothing else.
    /// </summary>
    public static IReadOnlyList<string> SingleFuels { get; } =
        ["coal", "gas", "other_fossil", "nuclear", "hydro", "wind", "solar", "bioenergy", "other_renewables"];

    /// <summary>
    /// The aggregates and the single fuels each one sums. Ember publishes them beside the single
    /// fuels; adding them to the fuels would count the same capacity two or three times.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Aggregates { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["fossil"] = ["coal", "gas", "other_fossil"],
        // "Gas and Other Fossil" in the long format, "Gas & oil" in the older API extract.
        ["gas_and_other_fossil"] = ["gas", "other_fossil"],
        ["renewables"] = ["hydro", "wind", "solar", "bioenergy", "other_renewables"],
        ["hydro_bioenergy_and_other_renewables"] = ["hydro", "bioenergy", "other_renewables"],
        ["wind_and_solar"] = ["wind", "solar"],
        ["clean"] = ["nuclear", "hydro", "wind", "solar", "bioenergy", "other_renewables"],
    };

    /// <summary>Ember names that differ from the snake_case of the fuel they mean.</summary>
    private static readonly (string Name, string Fuel)[] Aliases =
    [
        ("Gas & oil", "gas_and_other_fossil"),
        ("Total generation", TotalName),
        ("Total capacity", TotalName),
    ];

    /// <summary>Variables that sit beside capacity in some layouts and are not capacity.</summary>
    private static readonly string[] NotCapacity = ["Production", "Net imports", "Demand", "Demand per capita"];

    private static readonly Dictionary<string, EmberFuel> Known = BuildKnown();

    /// <summary>The fuel an Ember variable names, or null when this list does not know it.</summary>
    public static EmberFuel? Find(string variable) => Known.GetValueOrDefault(Fold(variable));

    /// <summary>"Hydro, bioenergy &amp; other renewables" becomes "hydro_bioenergy_and_other_renewables".</summary>
    public static string SnakeCase(string variable)
    {
        var text = new StringBuilder(variable.Length);
        foreach (var c in variable.Replace("&", " and ", StringComparison.Ordinal))
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
            else if (text.Length > 0 && text[^1] != '_')
            {
                text.Append('_');
            }
        }

        return text.ToString().TrimEnd('_');
    }

    private static string Fold(string variable) => SnakeCase(variable).Replace("_", "", StringComparison.Ordinal);

    private static Dictionary<string, EmberFuel> BuildKnown()
    {
        var known = new Dictionary<string, EmberFuel>(StringComparer.Ordinal);
        foreach (var fuel in SingleFuels)
        {
            known[Fold(fuel)] = new EmberFuel(fuel, EmberFuelKind.Single);
        }

        foreach (var fuel in Aggregates.Keys)
        {
            known[Fold(fuel)] = new EmberFuel(fuel, EmberFuelKind.Aggregate);
        }

        known[Fold(TotalName)] = new EmberFuel(TotalName, EmberFuelKind.Total);
        foreach (var (name, fuel) in Aliases)
        {
            known[Fold(name)] = known[Fold(fuel)];
        }

        foreach (var name in NotCapacity)
        {
            known[Fold(name)] = new EmberFuel(SnakeCase(name), EmberFuelKind.NotCapacity);
        }

        return known;
    }
}
