using AiEnergyPipeline.Dashboard;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tests.Dashboard;

/// <summary>A small run for the page's tests, with a text that tries to break out of the HTML where the data allows one.</summary>
internal static class RunPageSamples
{
    public const string Hostile = "<script>alert('x')</script>\"&";

    public static DataResource Resource(string name, string path, string format, string? table = null, string? part = null, long? rows = 3) => new(
        name, path, format, "text/csv", "utf-8", name, $"The {name} table {Hostile}", 1234, "sha256:ab", "ab", rows,
        rows is null ? null : new ResourceSchema([new FieldSchema("year", "year", "The year"), new FieldSchema("gap_gw", "number", $"Gap {Hostile}", "GW")], ["year"]),
        table, part);

    public static DataPackage Package(bool sample, string? derivedFrom = null) => new(
        "data-package", "aienergy-pipeline", "20261130T000000Z-abc123", "title", new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), "sha",
        [
            Resource("gap_by_year", "gap/gap_by_year.csv", "csv"),
            Resource("gap_by_year.parquet", "gap/gap_by_year.parquet", "parquet", "gap_by_year"),
            Resource("ba_hourly_2025_h1", "data/ba_hourly/2025_h1.csv", "csv", "ba_hourly", "2025_h1"),
            Resource("ba_hourly_2025_h1.parquet", "data/ba_hourly/2025_h1.parquet", "parquet", "ba_hourly", "2025_h1"),
            Resource("headline", "gap/headline.json", "json", rows: null),
        ],
        [
            new DataSource("eia860m", $"EIA-860M {Hostile}", InputOrigin.Sample, "snapshot/eia860m/file.xlsx", "file.xlsx", "raw/eia860m/ab.xlsx", null, "ab", 10, null, null, null, new SampleOf("EIA-860M", "EIA", "javascript:alert(1)")),
            new DataSource("ember", "Ember", InputOrigin.Fetched, "https://ember-energy.org/data.csv", "data.csv", "raw/ember/cd.csv", new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero), "cd", 20, null, null),
        ],
        [new DataLicence("CC-BY-4.0", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/", "Ember")],
        DerivedFrom: derivedFrom,
        Mode: sample ? RunMode.Sample : RunMode.Live,
        ModelVersion: "ingest-v10-gap-v9");

    public static RunReport Report => new("20261130T000000Z-abc123", RunStatus.Published, "test", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 0, null, [], [], 0);

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string csv) =>
        CsvRows.Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)));

    public static RunPageData Data(bool sample, string scenarioId = "epri_2024_high", string scenarioUrl = "https://www.epri.com/report", string? derivedFrom = null) => new(
        Package(sample, derivedFrom),
        Report,
        new GapHeadlineDocument("20261130T000000Z-abc123", sample, 2025, 2030, 0.18,
            [new GapHeadlineEntry(scenarioId, $"EPRI {Hostile}", 53.6, 2030, 88.8, $"Under EPRI's estimate {Hostile}")]),
        Rows($"scenario_id,year,ai_demand_gw,ai_demand_basis,other_load_growth_gw,other_load_growth_basis,reserve_margin,firm_additions_gw,gap_gw,firm_additions_basis\n\"{scenarioId.Replace("\"", "\"\"", StringComparison.Ordinal)}\",2025,0,published,0,assumption,0.18,0,0,none\n\"{scenarioId.Replace("\"", "\"\"", StringComparison.Ordinal)}\",2028,40,interpolated,6,assumption,0.18,0.7,53.6,assumption\n"),
        Rows("scenario_id,region_code,year,gap_gw\nx,CAL,2028,3.5\ny,CAL,2028,5\nx,TEX,2028,-1\n"),
        Rows("year,accreditation_class,weighted_accredited_mw,firm_change_mw\n2026,battery_storage,121,121\n2026,nuclear,900,900\n2027,coal,0,-450\n"),
        Rows("year,usa_additions_gw,chn_additions_gw\n2019,,\n2020,18.5,189.6\n"),
        Rows($"name,value,unit,source,url,notes\nreserve_margin,0.18,fraction,\"NERC {Hostile}\",javascript:alert(2),\"DEFAULT {Hostile}\"\n"),
        Rows($"scenario_id,year,url\n\"{scenarioId.Replace("\"", "\"\"", StringComparison.Ordinal)}\",2028,{scenarioUrl}\n"));
}
