namespace AiEnergyPipeline.Vocabulary;

public static partial class Licences
{
    /// <summary>
    /// The curated scenarios and assumptions: each row cites where its figure comes from; the
    /// selection, the conversions and the assumptions flagged as such are this project's own.
    /// </summary>
    public static DataLicence Curated { get; } = new(
        "AiEnergyPipeline-curated",
        "AiEnergyPipeline curated data: every row cites its source; the file itself is the project's",
        "repo:curated/",
        "Each row of demand_scenarios and assumptions names its source and URL: cite those publishers for their figures. The files, the conversions and the rows marked ASSUMPTION, PROXY or DEFAULT are AiEnergyPipeline's.");
}
