using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Functions.Http;
using AiEnergyPipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AiEnergyPipeline.IntegrationTests.Functions.Http;

public sealed class LookupResultsTests
{
    [Theory]
    [InlineData("sample", "SAMPLE-NOT-REAL-generators.csv")]
    [InlineData("recorded", "generators.csv")]
    [InlineData("live", "generators.csv")]
    [InlineData(null, "generators.csv")]
    public async Task ToResult_FileOfARun_IsSavedUnderANameThatSaysWhenItIsASamples(string? mode, string expected)
    {
        var request = new DefaultHttpContext().Request;
        await using var opened = new StoredObject(new StoredObjectInfo("runs/r/data/generators.csv", "\"e\"", 2, ContentTypes.Csv, new Dictionary<string, string>()), new MemoryStream("a\n"u8.ToArray()));

        var result = Assert.IsType<FileStreamResult>(DatasetLookup.Found(opened, "r", "generators.csv", mode).ToResult(request, byRun: true));

        Assert.Equal(expected, result.FileDownloadName);
        Assert.Equal(mode ?? "", request.HttpContext.Response.Headers[LookupResults.RunModeHeader].ToString());
    }

    [Fact]
    public async Task ToInlineResult_PageOfASampleRun_IsShownNotSaved()
    {
        var request = new DefaultHttpContext().Request;
        await using var opened = new StoredObject(new StoredObjectInfo("runs/r/index.html", "\"e\"", 2, "text/html", new Dictionary<string, string>()), new MemoryStream("<p>"u8.ToArray()));

        var result = Assert.IsType<FileStreamResult>(DatasetLookup.Found(opened, "r", "index.html", "sample").ToInlineResult(request));

        Assert.Equal("", result.FileDownloadName);
    }
}
