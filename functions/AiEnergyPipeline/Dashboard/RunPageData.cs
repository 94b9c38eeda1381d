using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Dashboard;

/// <summary>What a run's page shows, read from the run's files in the store and its package.</summary>
public sealed record RunPageData(
    DataPackage Package,
    RunReport Report,
    GapHeadlineDocument? Headline,
    IReadOnlyList<IReadOnlyDictionary<string, string>> GapByYear,
    IReadOnlyList<IReadOnlyDictionary<string, string>> GapByRegion,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Additions,
    IReadOnlyList<IReadOnlyDictionary<string, string>> UsVsChina,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Assumptions,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Scenarios,
    IReadOnlyList<RecentRun>? RecentRuns = null,
    string? GapChart = null)
{
    /// <summary>A gap/gap.svg larger than this is linked, not inlined: the page stays small.</summary>
    public const int GapChartMaxBytes = 256 * 1024;

    public bool Sample => Package.Sample;

    public static async Task<RunPageData> LoadAsync(IDatasetStore store, DataPackage package, RunReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(package);
        string? PathOf(string resourceName) =>
            package.Resources.FirstOrDefault(r => r.Name == resourceName) is { } resource ? PublishedRun.PathOf(package, resource) : null;
        Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> Read(TableSchema schema) => CsvRows.ReadAsync(store, PathOf(schema.Name), cancellationToken);

        GapHeadlineDocument? headline = null;
        if (PathOf(Schemas.GapHeadline.Name) is { } headlinePath)
        {
            await using var stored = await store.OpenReadAsync(headlinePath, cancellationToken);
            try
            {
                headline = stored is null ? null : await PublishedJson.DeserializeAsync<GapHeadlineDocument>(stored.Content, cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
                // The run wrote it a moment ago; should it not parse, the page says there is no headline rather than failing the run.
                headline = null;
            }
        }

        return new RunPageData(
            package,
            report,
            headline,
            await Read(Schemas.GapByYear),
            await Read(Schemas.GapByRegion),
            await Read(Schemas.AdditionsByYearTechnology),
            await Read(Schemas.UsVsChinaAdditions),
            await Read(Schemas.Assumptions),
            await Read(Schemas.DemandScenarios),
            await RecentRun.BeforeAsync(store, package.Id, cancellationToken),
            await ReadGapChartAsync(store, PathOf(Schemas.GapChart.Name), cancellationToken));
    }

    /// <summary>
    /// The run's gap/gap.svg, which the gap's outputs drew (SupplyDemandChart): the page inlines the
    /// same file rather than drawing its own, so the chart downloaded is the chart seen. Null when the
    /// run has none, when it is too large, or when it is not one of ours (an SVG element first).
    /// </summary>
    private static async Task<string?> ReadGapChartAsync(IDatasetStore store, string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return null;
        }

        await using var stored = await store.OpenReadAsync(path, cancellationToken);
        if (stored is null || stored.Info.Length > GapChartMaxBytes)
        {
            return null;
        }

        using var reader = new StreamReader(stored.Content, System.Text.Encoding.UTF8);
        var svg = await reader.ReadToEndAsync(cancellationToken);
        return svg.StartsWith("<svg ", StringComparison.Ordinal) && svg.TrimEnd().EndsWith("</svg>", StringComparison.Ordinal) ? svg : null;
    }

    /// <summary>The URL a scenario cites (demand_scenarios.url), or null.</summary>
    public string? ScenarioUrl(string scenarioId) =>
        Scenarios.FirstOrDefault(r => CsvRows.Text(r, "scenario_id") == scenarioId && CsvRows.Text(r, "url").Length > 0) is { } row ? CsvRows.Text(row, "url") : null;
}
