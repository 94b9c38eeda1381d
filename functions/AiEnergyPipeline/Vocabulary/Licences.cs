namespace AiEnergyPipeline.Vocabulary;

/// <summary>The licences the sources come under, as the data package names them.</summary>
public static partial class Licences
{
    public static DataLicence EiaPublicDomain { get; } = new(
        "US-PD",
        "U.S. Government work: public domain",
        "https://www.eia.gov/about/copyrights_reuse.php",
        "Source: U.S. Energy Information Administration (EIA).");
}
