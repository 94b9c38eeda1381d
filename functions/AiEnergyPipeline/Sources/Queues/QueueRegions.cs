using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// One spelling per ISO, so that the same queue read from LBNL and from a gridstatus file has the
/// same key: LBNL writes ISO-NE where gridstatus says ISONE and EIA says ISNE. Utilities outside
/// the ISOs keep their names as given.
/// </summary>
public static class QueueRegions
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["caiso"] = "CAISO", ["ciso"] = "CAISO", ["californiaiso"] = "CAISO",
        ["ercot"] = "ERCOT", ["erco"] = "ERCOT",
        ["isone"] = "ISO-NE", ["isne"] = "ISO-NE", ["neiso"] = "ISO-NE", ["isonewengland"] = "ISO-NE",
        ["miso"] = "MISO",
        ["nyiso"] = "NYISO", ["nyis"] = "NYISO",
        ["pjm"] = "PJM",
        ["spp"] = "SPP", ["swpp"] = "SPP",
    };

    public static string Canonical(string region)
    {
        var text = QueueText.Fold(region);
        return Aliases.TryGetValue(ColumnMap.Normalise(text), out var iso) ? iso : text;
    }
}
