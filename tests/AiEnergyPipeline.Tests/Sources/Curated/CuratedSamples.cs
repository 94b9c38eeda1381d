using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tests.Sources.Curated;

/// <summary>Small curated files for the reader tests, and the reading itself.</summary>
internal static class CuratedSamples
{
    public const string ScenarioHeader = "scenario_id,year,value,unit,basis,load_factor,source,url,notes";
    public const string AssumptionHeader = "name,value,unit,source,url,notes";
    public const string Url = "https://example.org/report";

    public static readonly FetchedFile ScenariosFile = TestFiles.Fetched(CuratedSource.SourceName, DemandScenariosCsv.FileName);
    public static readonly FetchedFile AssumptionsFile = TestFiles.Fetched(CuratedSource.SourceName, AssumptionsCsv.FileName);

    /// <summary>The two assumptions the conversions need: load factor 0.8 and 4,000 TWh in 2023.</summary>
    public static AssumptionSet Defaults { get; } = new(
    [
        new Assumption(AssumptionNames.DataCentreLoadFactor, 0.8, "fraction", "s", Url, "", 2),
        new Assumption("us_electricity_consumption_twh.2023", 4000, "TWh", "s", Url, "", 3),
    ]);

    public static string Scenario(string id, string year, string value, string unit, string basis, string loadFactor = "", string source = "Report", string url = Url) =>
        $"{id},{year},{value},{unit},{basis},{loadFactor},{source},{url},note";

    public static string Assumption(string name, string value, string unit = "fraction", string source = "Report", string url = Url) =>
        $"{name},{value},{unit},{source},{url},note";

    public static (IReadOnlyList<DemandScenario> Rows, List<QuarantineRecord> Quarantine, SourceCounts Counts) ReadScenarioFile(AssumptionSet assumptions, params string[] lines)
    {
        var quarantine = new List<QuarantineRecord>();
        var counts = new SourceCounts();
        var rows = DemandScenariosCsv.Read(TestFiles.Utf8(string.Join('\n', lines) + "\n"), ScenariosFile, assumptions, quarantine.Add, counts);
        return (rows, quarantine, counts);
    }

    public static (IReadOnlyList<DemandScenario> Rows, List<QuarantineRecord> Quarantine, SourceCounts Counts) ReadScenarios(params string[] rows) =>
        ReadScenarioFile(Defaults, [ScenarioHeader, .. rows]);

    public static (IReadOnlyList<Assumption> Rows, List<QuarantineRecord> Quarantine, SourceCounts Counts) ReadAssumptionFile(params string[] lines)
    {
        var quarantine = new List<QuarantineRecord>();
        var counts = new SourceCounts();
        var rows = AssumptionsCsv.Read(TestFiles.Utf8(string.Join('\n', lines) + "\n"), AssumptionsFile, quarantine.Add, counts);
        return (rows, quarantine, counts);
    }

    public static (IReadOnlyList<Assumption> Rows, List<QuarantineRecord> Quarantine, SourceCounts Counts) ReadAssumptions(params string[] rows) =>
        ReadAssumptionFile([AssumptionHeader, .. rows]);
}
