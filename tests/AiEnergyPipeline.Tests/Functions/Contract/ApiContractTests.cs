using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Functions;
using AiEnergyPipeline.Functions.Contract;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Vocabulary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Tests.Functions.Contract;

/// <summary>
/// GET /api/openapi.json against the code: it reads as OpenAPI 3.1 with Microsoft.OpenApi's reader
/// and validator, every HTTP function is in it with exactly the statuses it declares, and its
/// patterns and enums are those the validators enforce. (Its route, methods and security against
/// functions.metadata: <see cref="FunctionsMetadataTests"/>; its examples against the functions
/// themselves: the integration tests' ApiContractExamplesTests.)
/// </summary>
public class ApiContractTests
{
    private static ReadResult Read(string json) => OpenApiDocument.Parse(json, "json", new OpenApiReaderSettings());

    private static string Json => Encoding.UTF8.GetString(ApiContract.Utf8.Span);

    [Fact]
    public void Document_ReadByMicrosoftOpenApi_IsOpenApi31WithoutErrors()
    {
        var read = Read(Json);

        Assert.Empty(read.Diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic.SpecificationVersion);
        Assert.Empty(read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!);
        Assert.Equal(ApiOperations.All().Count, read.Document!.Paths!.Sum(p => p.Value.Operations?.Count ?? 0));
    }

    [Fact]
    public void Document_AnOperationWithoutResponses_IsReportedByTheValidator()
    {
        // The check above can fail: the same reader and rules on a document with a defect.
        var broken = ApiContract.Document();
        broken["paths"]!["/health"]!["get"]!.AsObject().Remove("responses");

        var read = Read(broken.ToJsonString());
        var errors = read.Diagnostic!.Errors.Concat(read.Document?.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []).ToList();

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Document_EveryHttpFunction_DocumentsExactlyTheStatusesItDeclares()
    {
        var document = ApiContract.Document();

        var mismatches = ApiOperations.All().Select(f =>
        {
            var responses = document["paths"]![f.Path]?[f.Method]?["responses"]?.AsObject();
            var documented = responses?.Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList() ?? [];
            // 401 comes from the Functions host, before the function runs: documented for keyed routes, declared by none.
            var expected = f.DeclaredStatuses.Concat(f.NeedsKey ? [401] : []).Order().ToList();
            return (f.Name, Expected: string.Join(",", expected), Documented: string.Join(",", documented));
        }).Where(m => m.Expected != m.Documented).ToList();

        Assert.Empty(mismatches);
    }

    [Fact]
    public void HttpFunctions_EveryOne_DeclaresItsStatuses()
    {
        var undeclared = ApiOperations.All().Where(f => f.DeclaredStatuses.Count == 0).Select(f => f.Name).ToList();

        Assert.Empty(undeclared);
        Assert.Equal(15, ApiOperations.All().Count);
    }

    [Theory]
    [InlineData("20261127T060000Z-55e562")]
    [InlineData("20261127T060000Z-55E562")]
    [InlineData("20261127T060000Z-55e56")]
    [InlineData("20261127T060000Z-55e562\n")]
    [InlineData("20261127T060000-55e562")]
    [InlineData("latest")]
    [InlineData("../../x")]
    [InlineData("")]
    public void RunIdPattern_AnyText_AgreesWithTheValidator(string text)
    {
        var pattern = Schema("RunId")["pattern"]!.GetValue<string>();

        Assert.Equal(RunId.IsValid(text), Matches(pattern, text));
    }

    [Theory]
    [InlineData("ba_annual")]
    [InlineData("a")]
    [InlineData("BA_HOURLY")]
    [InlineData("ba_hourly.csv")]
    [InlineData("_x")]
    [InlineData("1x")]
    [InlineData("..")]
    [InlineData("x\n")]
    [InlineData("")]
    public void DatasetNamePattern_AnyText_AgreesWithTheValidator(string text)
    {
        var pattern = Schema("DatasetName")["pattern"]!.GetValue<string>();

        Assert.Equal(PublishedDatasets.IsDatasetName(text), Matches(pattern, text));
    }

    [Fact]
    public void DatasetNamePattern_SixtyFiveCharacters_AgreesWithTheValidator()
    {
        var pattern = Schema("DatasetName")["pattern"]!.GetValue<string>();

        Assert.Equal((true, true), (PublishedDatasets.IsDatasetName(new string('a', 64)), Matches(pattern, new string('a', 64))));
        Assert.Equal((false, false), (PublishedDatasets.IsDatasetName(new string('a', 65)), Matches(pattern, new string('a', 65))));
    }

    [Fact]
    public void Enums_FormatAndHealthReasonCodes_AreThoseOfTheCode()
    {
        var formats = Schema("Format")["enum"]!.AsArray().Select(n => n!.GetValue<string>());
        var codes = Schema("HealthReason")["properties"]!["code"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());
        var statuses = Schema("HealthReport")["properties"]!["status"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Equal(PublishedDatasets.Formats, formats);
        Assert.Equal(new[] { HealthReason.NothingPublished, HealthReason.LatestDamaged, HealthReason.StaleData, HealthReason.SourceFailing }, codes);
        Assert.Equal(new[] { HealthReport.Ok, HealthReport.Degraded }, statuses);
    }

    [Fact]
    public void RecomputeRequestLimits_Documented_AreThoseTheValidatorEnforces()
    {
        var request = Schema("RecomputeRequest")["properties"]!;
        var scenarios = request["scenarios"]!;
        var points = scenarios["items"]!["properties"]!["points"]!;
        var point = points["items"]!["properties"]!;

        Assert.Equal(RecomputeLimits.MaxScenarios, (int)scenarios["maxItems"]!);
        Assert.Equal(RecomputeLimits.MaxPointsPerScenario, (int)points["maxItems"]!);
        Assert.Equal(ValueRange.MaxGw, (double)point["ai_load_gw"]!["maximum"]!);
        Assert.Equal(ValueRange.LastYear, (int)point["year"]!["maximum"]!);
        Assert.Equal(ValueRange.LastYear, (int)request["base_year"]!["maximum"]!);
        Assert.Equal(ValueRange.LastYear, (int)request["horizon_year"]!["maximum"]!);
    }

    [Fact]
    public void OpenApiFunction_Get_ServesTheDocumentAsJson()
    {
        var result = Assert.IsType<FileContentResult>(new OpenApiFunction().Get(new Microsoft.AspNetCore.Http.DefaultHttpContext().Request));

        Assert.Equal("application/json; charset=utf-8", result.ContentType);
        Assert.Equal("3.1.0", JsonNode.Parse(result.FileContents)!["openapi"]!.GetValue<string>());
    }

    private static JsonNode Schema(string name) => ApiContract.Document()["components"]!["schemas"]![name]!;

    /// <summary>An ECMA-262 pattern of the document, read as ECMA-262 reads it.</summary>
    private static bool Matches(string pattern, string text) =>
        // ECMA-262's $ (no m flag) is the end of the text: .NET's \z, not its $, which also matches before a final newline.
        Regex.IsMatch(text, pattern.EndsWith('$') ? pattern[..^1] + "\\z" : pattern);
}
