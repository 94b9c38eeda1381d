using System.Text;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// Maps the generation types that queues write (LBNL type_clean such as "Solar+Battery", ISO words
/// such as "Gas - Combined-Cycle", "Natural Gas; Storage", "Photovoltaic") to the shared
/// accreditation classes. A hybrid is classed by its first component, the one capacity_mw
/// measures. A type no rule knows is "unknown": kept, never dropped, so that the gap model can
/// count what it cannot accredit.
/// </summary>
public static class GenerationTypes
{
    public const string Unknown = "unknown";
    public const string BatteryStorage = "battery_storage";
    public const string PumpedStorage = "pumped_storage";

    /// <summary>
    /// The rules, first match wins: the class, the words of which any must appear (as whole words,
    /// after folding case and punctuation), and optionally words of which one must appear too.
    /// The order matters: offshore before wind, pumped storage and other storage before storage,
    /// fuels (oil, biomass, geothermal) before the gas technologies that share their turbine words.
    /// </summary>
    private static readonly Rule[] Rules =
    [
        new("offshore_wind", ["offshore wind", "offshore"]),
        new("onshore_wind", ["wind", "onshore wind"]),
        new(PumpedStorage, ["pumped storage", "pump storage", "pumped hydro", "psh"]),
        // Compressed air, gravity and flywheels store energy, but not as batteries are accredited.
        new("other", ["compressed air", "caes", "gravity", "flywheel"]),
        new(BatteryStorage, ["battery", "batteries", "bess", "storage", "energy storage", "lithium"]),
        new("solar_thermal", ["solar thermal", "concentrating solar", "concentrated solar", "csp"]),
        new("solar_pv", ["solar", "photovoltaic", "pv"]),
        new("nuclear", ["nuclear", "smr"]),
        new("coal", ["coal", "lignite"]),
        new("oil", ["oil", "diesel", "petroleum", "distillate", "kerosene", "jet fuel"]),
        new("geothermal", ["geothermal"]),
        new("other", ["waste heat"]),
        // Landfill and digester methane burn in engines, but the fuel is biomass.
        new("biomass", ["biomass", "wood", "biogas", "biofuel", "landfill", "methane", "waste", "msw", "agricultural", "bagasse"]),
        new("hydro", ["hydro", "hydroelectric", "hydropower", "water", "run of river", "hydrokinetic"]),
        new("gas_combined_cycle", ["combined cycle", "cc", "ngcc"]),
        new("gas_combustion_turbine", ["combustion turbine", "ct", "simple cycle", "gas turbine", "peaker", "peaking", "aeroderivative"]),
        new("gas_internal_combustion", ["internal combustion", "reciprocating", "reciprocating engine", "ic", "rice", "ice", "engine"]),
        new("gas_steam", ["steam", "steam turbine"], ["gas", "natural gas"]),
        // A gas type that does not say which technology (LBNL's "Gas"): the lower of the gas
        // accreditations, so that firm additions are not overstated.
        new("gas_combustion_turbine", ["gas", "natural gas", "ng"]),
        new("other", ["fuel cell", "hydrogen", "wave", "tidal", "other"]),
    ];

    private static readonly char[] ComponentSeparators = ['+', ';', '/', ',', '&'];

    /// <summary>The accreditation class of a generation type: that of its first component.</summary>
    public static string Classify(string generationType)
    {
        var components = Components(generationType);
        return components.Count == 0 ? Unknown : ClassifyComponent(components[0]);
    }

    /// <summary>The accreditation class of one technology, such as "Battery" or "Gas - Combined-Cycle".</summary>
    public static string ClassifyComponent(string component)
    {
        var words = Words(component);
        if (words.Length <= 2)
        {
            return Unknown;
        }

        foreach (var rule in Rules)
        {
            if (rule.Any.Any(p => words.Contains($" {p} ", StringComparison.Ordinal)) &&
                (rule.AlsoAny is null || rule.AlsoAny.Any(p => words.Contains($" {p} ", StringComparison.Ordinal))))
            {
                return rule.Class;
            }
        }

        return Unknown;
    }

    public static bool IsStorage(string component) => ClassifyComponent(component) is BatteryStorage or PumpedStorage;

    /// <summary>The technologies of a hybrid, in order: "Solar+Battery" is Solar then Battery; "Natural Gas; Storage" is Natural Gas then Storage.</summary>
    public static IReadOnlyList<string> Components(string generationType) =>
        generationType.Split(ComponentSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Lower-case words separated and surrounded by single spaces, so that whole words and phrases can be found.</summary>
    private static string Words(string text)
    {
        var words = new StringBuilder(" ");
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                words.Append(char.ToLowerInvariant(c));
            }
            else if (words[^1] != ' ')
            {
                words.Append(' ');
            }
        }

        if (words[^1] != ' ')
        {
            words.Append(' ');
        }

        return words.ToString();
    }

    private sealed record Rule(string Class, string[] Any, string[]? AlsoAny = null);
}
