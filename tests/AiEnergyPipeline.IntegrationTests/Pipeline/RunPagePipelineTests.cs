using System.Security.Cryptography;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>The offline run publishes its page with the run and points the root index.html at it with the swing.</summary>
public sealed class RunPagePipelineTests
{
    [Fact]
    public async Task Run_BundledSnapshot_PublishesRunPageListedInPackageAndRootPage()
    {
        var store = TestPaths.NewTempFolder();

        var outcome = await TestPipeline.RunIngestAsync(store);

        Assert.True(outcome.Succeeded, outcome.Message);
        var pagePath = Path.Combine(store, RunPublisher.PagePath(outcome.RunId));
        var page = await File.ReadAllBytesAsync(pagePath);
        var html = System.Text.Encoding.UTF8.GetString(page);
        Assert.Contains("id=\"sample-banner\"", html, StringComparison.Ordinal);
        Assert.InRange(page.Length, 10_000, 1_000_000);
        var package = TestPipeline.ReadJson(Path.Combine(store, RunPublisher.DataPackagePath(outcome.RunId)));
        var resource = package.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == RunPublisher.PageResourceName);
        Assert.Equal("index.html", resource.GetProperty("path").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(page)), resource.GetProperty("sha256").GetString());
        foreach (var scenario in TestPipeline.ReadJson(Path.Combine(store, RunPublisher.RunFolder(outcome.RunId), "gap", "headline.json")).GetProperty("scenarios").EnumerateArray())
        {
            Assert.Contains($"data-scenario=\"{scenario.GetProperty("scenario_id").GetString()}\"", html, StringComparison.Ordinal);
        }

        var root = await File.ReadAllTextAsync(Path.Combine(store, RunPublisher.RootPagePath));
        Assert.Contains($"href=\"runs/{outcome.RunId}/index.html\"", root, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Twice_RootPageFollowsLatest()
    {
        var store = TestPaths.NewTempFolder();
        // One clock for both runs: run ids sort by it, and the page lists the runs whose ids sort before its own.
        var first = await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now));
        File.Delete(Path.Combine(store, RunPublisher.RootPagePath));

        await using var services = TestPipeline.Build(TestPipeline.FolderStore(store), new FakeTimeProvider(TestPipeline.Now.AddHours(1)));
        var recompute = await TestPipeline.RecomputeAsync(services, RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { ["reserve_margin"] = 0.2 } });

        Assert.True(first.Succeeded && recompute.Succeeded, recompute.Message);
        var root = await File.ReadAllTextAsync(Path.Combine(store, RunPublisher.RootPagePath));
        Assert.Contains($"href=\"runs/{recompute.RunId}/index.html\"", root, StringComparison.Ordinal);
        var page = await File.ReadAllTextAsync(Path.Combine(store, RunPublisher.PagePath(recompute.RunId)));
        Assert.Contains($"href=\"../{first.RunId}/index.html\"", page, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\"><a href=\"../{first.RunId}/index.html\">{first.RunId}</a></th>", page, StringComparison.Ordinal);
    }
}
