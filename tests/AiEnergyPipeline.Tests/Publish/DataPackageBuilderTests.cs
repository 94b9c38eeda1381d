using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tests.Publish;

public class DataPackageBuilderTests
{
    [Fact]
    public void Resources_CsvAndItsParquet_UniqueNamesSameSchemaAndTheParquetMediaType()
    {
        var csv = new StagedTable(Schemas.BaAnnual, "/x/ba_annual.csv", "csv", 10, 451, "aa");
        var parquet = new StagedTable(Schemas.BaAnnual, "/x/ba_annual.parquet", "parquet", 10, 2000, "bb");

        var resources = DataPackageBuilder.Resources([csv, parquet]);

        Assert.Equal(["ba_annual", "ba_annual.parquet"], resources.Select(r => r.Name));
        var sibling = resources[1];
        Assert.Equal("data/ba_annual.parquet", sibling.Path);
        Assert.Equal("parquet", sibling.Format);
        Assert.Equal("application/vnd.apache.parquet", sibling.Mediatype);
        Assert.Null(sibling.Encoding);
        Assert.Equal(10, sibling.RowCount);
        Assert.Equal(2000, sibling.Bytes);
        Assert.Equal("bb", sibling.Sha256);
        Assert.Equal(Schemas.BaAnnual.Fields, sibling.Schema!.Fields);
        Assert.Contains("TIMESTAMP(isAdjustedToUTC=true, MICROS)", sibling.Description, StringComparison.Ordinal);
        Assert.Equal("utf-8", resources[0].Encoding);
    }

    [Fact]
    public void Resources_WithInputs_EachSaysTheLeastDirectOriginOfTheFilesItNames()
    {
        var part = new StagedTable(Schemas.BaHourly, "/x/2024_h1.csv", "csv", 10, 451, "aa", Part: "2024_h1") { Inputs = [new TableInput("eia930_bulk", "a.csv", "sha-fetched")] };
        var annual = new StagedTable(Schemas.BaAnnual, "/x/ba_annual.csv", "csv", 10, 451, "bb");
        var scenarios = new StagedTable(Schemas.DemandScenarios, "/x/demand_scenarios.csv", "csv", 10, 451, "cc");
        var capacity = new StagedTable(Schemas.CountryCapacity, "/x/country_capacity.csv", "csv", 10, 451, "dd");
        DataPackageBuilder.InputFile[] inputs =
        [
            new("eia930_bulk", "sha-fetched", InputOrigin.Fetched),
            new("eia930_bulk", "sha-sample", InputOrigin.Sample),
            new("eia930_api", "sha-recorded", InputOrigin.Recorded),
            new("curated", "sha-curated", InputOrigin.Curated),
        ];

        var resources = DataPackageBuilder.Resources([part, annual, scenarios, capacity], inputs);

        // The part names its one file; ba_annual every file of its sources, one of them a sample;
        // demand_scenarios only curated files; country_capacity a source with no file in the package.
        Assert.Equal([OriginColumn.Fetched, OriginColumn.Sample, OriginColumn.Curated, null], resources.Select(r => r.Origin));
        Assert.All(DataPackageBuilder.Resources([part, annual]), r => Assert.Null(r.Origin));
    }

    [Fact]
    public void Build_AnyRun_RecordsTheBuildThatMadeIt()
    {
        var package = DataPackageBuilder.Build("20261130T000000Z-abc123", DateTimeOffset.UnixEpoch, "sha", "model-v1", [], [], new Dictionary<string, SourceCitation>());

        Assert.Equal(CodeVersion.Current, package.CodeVersion);
        // Built from this repository's git checkout, the SDK names the commit.
        Assert.Matches("^[0-9]+\\.[0-9]+\\.[0-9]+\\+[0-9a-f]{40}$", package.CodeVersion);
    }

    [Fact]
    public void Serialize_Package_WritesOnlyTheDocumentedFieldsNotItsDerivedHelpers()
    {
        var csv = new StagedTable(Schemas.BaAnnual, "/x/ba_annual.csv", "csv", 10, 451, "aa");
        var package = DataPackageBuilder.Build("20261130T000000Z-abc123", DateTimeOffset.UnixEpoch, "sha", "model-v1", [csv], [], new Dictionary<string, SourceCitation>());

        using var json = System.Text.Json.JsonDocument.Parse(PublishedJson.Serialize(package));

        var top = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["profile", "name", "id", "title", "created", "inputs_sha256", "resources", "sources", "licenses", "mode", "model_version", "code_version", "sample"], top);
        var resource = json.RootElement.GetProperty("resources")[0].EnumerateObject().Select(p => p.Name).ToList();
        Assert.DoesNotContain("table_name", resource);
        Assert.Equal(["name", "path", "format", "mediatype", "encoding", "title", "description", "bytes", "hash", "sha256", "row_count", "schema", "sources"], resource);
        // What the table is computed from, by source: its schema's.
        Assert.Equal(["eia930_bulk", "eia930_api"], json.RootElement.GetProperty("resources")[0].GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public void Build_SampleFiles_CreditedAsSamplesInThePublishersFormatNotWithThePublishersLicence()
    {
        var package = DataPackageBuilder.Build("20261130T000000Z-abc123", DateTimeOffset.UnixEpoch, "sha", "model-v1", [],
            [Input("eia930_bulk", InputOrigin.Sample), Input("eia930_api", InputOrigin.Sample), Input("ember", InputOrigin.Sample), Input("curated", InputOrigin.Curated)], Citations);

        Assert.Equal(
            ["Sample written by this project in the format of EIA-930; not EIA data.", "Sample written by this project in the format of Ember's Yearly Electricity Data; not Ember data.", Licences.Curated.Attribution],
            package.Licenses.Select(l => l.Attribution));
        Assert.All(package.Licenses.Take(2), l => Assert.Equal(Licences.SampleName, l.Name));
        Assert.DoesNotContain(package.Licenses, l => l.Path.Contains("eia.gov", StringComparison.Ordinal) || l.Path.Contains("creativecommons", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(InputOrigin.Fetched)]
    [InlineData(InputOrigin.Recorded)]
    public void Build_RealFiles_KeepThePublishersLicenceAndAttribution(InputOrigin origin)
    {
        var package = DataPackageBuilder.Build("20261130T000000Z-abc123", DateTimeOffset.UnixEpoch, "sha", "model-v1", [],
            [Input("eia930_bulk", origin), Input("eia930_api", origin), Input("ember", origin), Input("curated", InputOrigin.Curated)], Citations);

        Assert.Equal([Licences.EiaPublicDomain, Licences.EmberCcBy4, Licences.Curated], package.Licenses);
    }

    [Fact]
    public void Build_SourceWithSampleAndRealFiles_ListsBothSoNeitherIsCreditedAsTheOther()
    {
        var package = DataPackageBuilder.Build("20261130T000000Z-abc123", DateTimeOffset.UnixEpoch, "sha", "model-v1", [],
            [Input("ember", InputOrigin.Sample), Input("ember", InputOrigin.Fetched)], Citations);

        Assert.Equal([Licences.EmberSample, Licences.EmberCcBy4], package.Licenses);
    }

    [Theory]
    [InlineData(true, "Capacities are rounded to 1 kW (6 decimals of GW). Sample written by this project in the format of Ember's Yearly Electricity Data; not Ember data.")]
    [InlineData(false, "Capacities are rounded to 1 kW (6 decimals of GW). Licence CC-BY-4.0: Ember (2025), Yearly Electricity Data.")]
    public void Resources_TableOfASampleSource_DescriptionCreditsTheSampleNotThePublisher(bool sample, string ending)
    {
        var csv = new StagedTable(Schemas.CountryCapacity, "/x/country_capacity.csv", "csv", 10, 451, "aa");
        var parquet = new StagedTable(Schemas.CountryCapacity, "/x/country_capacity.parquet", "parquet", 10, 2000, "bb");

        var resources = DataPackageBuilder.Resources([csv, parquet], [sample ? new("ember", "e", InputOrigin.Sample) : new("eia860m", "m", InputOrigin.Sample), new("ember", "f", InputOrigin.Fetched)]);

        Assert.EndsWith(ending, resources[0].Description, StringComparison.Ordinal);
        Assert.StartsWith(resources[0].Description + " Parquet:", resources[1].Description, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, SourceCitation> Citations = new()
    {
        ["eia930_bulk"] = new("EIA-930, six-month BALANCE files", Licences.EiaPublicDomain, Licences.Sample("EIA-930", "EIA")),
        ["eia930_api"] = new("EIA-930, EIA API v2", Licences.EiaPublicDomain, Licences.Sample("EIA-930", "EIA")),
        ["ember"] = new("Ember, Yearly Electricity Data", Licences.EmberCcBy4, Licences.EmberSample),
        ["curated"] = new("AiEnergyPipeline curated scenarios and assumptions", Licences.Curated),
    };

    private static FetchedFile Input(string source, InputOrigin origin) =>
        new(source, $"{source}-{origin}.csv", $"raw/{source}/ab.csv", "ab", 10, "https://example.org/f.csv", DateTimeOffset.UnixEpoch, null, null, "/x/f.csv", AlreadyArchived: false, Origin: origin);

    [Theory]
    [InlineData("1.0.0+693ab3e8f24c81433a7a8bb27137084e57ba3980", "693ab3e8f24c")]
    [InlineData("1.0.0", "1.0.0")]
    public void Short_Version_IsTheCommitsFirstDigitsOrTheVersion(string version, string expected) =>
        Assert.Equal(expected, CodeVersion.Short(version));

    [Theory]
    [InlineData("ba_hourly", "ba_hourly")]
    [InlineData("ba_hourly.parquet", "ba_hourly")]
    public void TableOf_ResourceName_IsTheTable(string resource, string table) =>
        Assert.Equal(table, ResourceNames.TableOf(resource));
}
