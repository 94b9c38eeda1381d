using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using System.Text;

namespace AiEnergyPipeline.Tests.Publish;

public class LatestReadTests
{
    private const string Valid = """
        {"run_id":"20261127T060000Z-ab12cd","published_at":"2026-11-27T06:01:00Z","data_package":"runs/20261127T060000Z-ab12cd/datapackage.json",
         "inputs_sha256":"ab12cd","tables":[{"name":"ba_annual","path":"runs/20261127T060000Z-ab12cd/data/ba_annual.csv","format":"csv","rows":10}]}
        """;

    private static Task<LatestRead> ParseAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var opened = new StoredObject(new StoredObjectInfo(RunPublisher.LatestPath, "\"etag-1\"", bytes.Length, "application/json", new Dictionary<string, string>()), new MemoryStream(bytes));
        return LatestRead.ParseAsync(opened, CancellationToken.None);
    }

    [Fact]
    public async Task ParseAsync_WholePointer_GivesThePointerAndItsETag()
    {
        var read = await ParseAsync(Valid);

        Assert.Null(read.Problem);
        Assert.Equal("20261127T060000Z-ab12cd", read.Pointer?.RunId);
        Assert.Equal("\"etag-1\"", read.ETag);
    }

    [Theory]
    [InlineData("truncated", "is not a valid pointer")]
    [InlineData("", "is not a valid pointer")]
    [InlineData("[1,2]", "is not a valid pointer")]
    [InlineData("{}", "has no valid run_id (none)")]
    [InlineData("null", "is null")]
    [InlineData("""{"run_id":5}""", "is not a valid pointer")]
    [InlineData("""{"run_id":"../../etc"}""", "has no valid run_id ('../../etc')")]
    [InlineData("""{"run_id":"20261127T060000Z-ab12cd","data_package":"runs/20261127T060000Z-ab12cd/datapackage.json","inputs_sha256":"ab12cd"}""", "has no tables")]
    [InlineData("""{"run_id":"20261127T060000Z-ab12cd","data_package":"elsewhere.json","inputs_sha256":"ab12cd","tables":[]}""", "names the data package 'elsewhere.json'")]
    public async Task ParseAsync_MalformedFile_GivesNoPointerTheETagAndTheProblem(string text, string problem)
    {
        var read = await ParseAsync(text == "truncated" ? Valid[..60] : text);

        Assert.Null(read.Pointer);
        Assert.Equal("\"etag-1\"", read.ETag);
        Assert.StartsWith("latest.json ", read.Problem, StringComparison.Ordinal);
        Assert.Contains(problem, read.Problem, StringComparison.Ordinal);
    }
}
