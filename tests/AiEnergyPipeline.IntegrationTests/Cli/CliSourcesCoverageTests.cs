using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.IntegrationTests.Sources.Eia930;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.IntegrationTests.Cli;

/// <summary>`aienergy sources --live` against every source the pipeline registers, not a chosen few.</summary>
public class CliSourcesCoverageTests
{
    [Fact]
    public async Task Sources_EveryRegisteredSourceUrlOverridden_ListsEachSourceWithItsSettingAndTheOverride()
    {
        await using var services = TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(TestPaths.NewTempFolder())) { ["Pipeline:Mode"] = "Live" });
        var endpoints = services.GetServices<ISource>()
            .SelectMany(s => s.Endpoints.Select(e => (Source: s.Name, e.Setting)))
            .Where(e => e.Setting.EndsWith("__Url", StringComparison.Ordinal) || e.Setting.EndsWith("__Path", StringComparison.Ordinal))
            .ToList();
        var sources = services.GetServices<ISource>().Select(s => s.Name).ToList();
        // Every registered source reads from a setting: a URL, or a folder for the curated files.
        Assert.Equal(sources.Order(), endpoints.Select(e => e.Source).Distinct().Order());
        var environment = endpoints.ToDictionary(
            e => e.Setting,
            e => (string?)(e.Setting.EndsWith("__Path", StringComparison.Ordinal) ? TestPaths.NewTempFolder() : $"http://127.0.0.1:9/{e.Source}/{e.Setting.ToLowerInvariant()}.file"));

        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), environment, "sources", "--live");

        Assert.Equal(0, result.ExitCode);
        Assert.All(endpoints, e => Assert.Matches($@"(?m)^{Regex.Escape(e.Source)}\s+{Regex.Escape(e.Setting)}\s+{Regex.Escape(environment[e.Setting]!)}\s*$", result.Stdout));
    }
}
