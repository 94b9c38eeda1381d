using AiEnergyPipeline.Sources.Eia860m;

namespace AiEnergyPipeline.Tests.Sources.Eia860m;

/// <summary>Generator records and vintages built field by field, for the tables measured across vintages.</summary>
internal static class VintageSamples
{
    public static GeneratorRecord Unit(GeneratorSheet sheet, long plantId, string generatorId, double mw, string status, string planned = "", string operating = "", string technology = "Solar Photovoltaic", string ba = "PJM") =>
        new("", sheet, 0, plantId, generatorId, "Plant", "PA", "County", ba, "IPP", technology, "SUN", "PV", status, mw, mw, mw, operating, planned, "", "", null, null);

    public static GeneratorVintage Vintage(string month, params GeneratorRecord[] records) =>
        new(month, records.Select(r => r with { ReportMonth = month }).ToList());

    /// <summary>Solar PV is solar_pv, batteries battery_storage, anything else other.</summary>
    public static string ClassOf(string technology) => technology switch
    {
        "Solar Photovoltaic" => "solar_pv",
        "Batteries" => "battery_storage",
        _ => "other",
    };
}
