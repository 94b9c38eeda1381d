namespace AiEnergyPipeline.Sources.Curated;

/// <summary>
/// The names curated data shares with the rest of the pipeline: the accreditation classes that
/// technologies map to, the EIA-860M planned status codes, and the assumption names the gap
/// model reads. A curated row naming anything else is a typo that would silently go unused, so
/// the normaliser quarantines it.
/// </summary>
public static class CuratedVocabulary
{
    public static IReadOnlyList<string> AccreditationClasses { get; } =
    [
        "nuclear", "coal", "gas_combined_cycle", "gas_combustion_turbine", "gas_steam", "gas_internal_combustion",
        "oil", "hydro", "pumped_storage", "battery_storage", "onshore_wind", "offshore_wind", "solar_pv",
        "solar_thermal", "geothermal", "biomass", "other",
    ];

    /// <summary>EIA-860M planned status codes, least to most advanced, then OT (other).</summary>
    public static IReadOnlyList<string> PlannedStatuses { get; } = ["P", "L", "T", "U", "V", "TS", "OT"];
}
