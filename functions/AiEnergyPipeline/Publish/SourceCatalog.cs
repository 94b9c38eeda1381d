namespace AiEnergyPipeline.Publish;

/// <summary>Titles and licences of the sources, as the data package cites them.</summary>
public static class SourceCatalog
{
    private static readonly DataLicence EiaPublicDomain = new(
        "US-PD",
        "U.S. Government work: public domain",
        "https://www.eia.gov/about/copyrights_reuse.php",
        "Source: U.S. Energy Information Administration (EIA).");

    private static readonly Dictionary<string, (string Title, DataLicence Licence)> Entries = new()
    {
        ["eia930_api"] = ("EIA-930 Hourly Electric Grid Monitor, EIA API v2 electricity/rto/region-data", EiaPublicDomain),
        ["eia930_bulk"] = ("EIA-930 Hourly Electric Grid Monitor, six-month BALANCE files", EiaPublicDomain),
    };

    public static string TitleOf(string source) => Entries.TryGetValue(source, out var e) ? e.Title : source;

    public static IReadOnlyList<DataLicence> LicencesOf(IEnumerable<string> sources) =>
        sources.Where(Entries.ContainsKey).Select(s => Entries[s].Licence).Distinct().ToList();
}
