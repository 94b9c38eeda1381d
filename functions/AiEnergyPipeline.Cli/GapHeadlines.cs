using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.Cli;

/// <summary>
/// The headline of each scenario of a published run, read back from its gap/headline.json and
/// printed one a line as "  scenario_id: sentence" (a sample run's sentences start with
/// "SAMPLE DATA, NOT REAL:").
/// </summary>
internal static class GapHeadlines
{
    /// <summary>The line above the headlines of <c>aienergy run</c>.</summary>
    public const string Title = "gap headline per scenario (gap/headline.json):";

    public static Task<GapHeadlineDocument> ReadAsync(IServiceProvider services, string runId, CancellationToken cancellationToken) =>
        services.GetRequiredService<PublishedGap>().HeadlineAsync(runId, cancellationToken);

    public static void Write(GapHeadlineDocument headline)
    {
        foreach (var scenario in headline.Scenarios)
        {
            Console.WriteLine($"  {scenario.ScenarioId}: {scenario.Headline}");
        }
    }

    /// <summary>
    /// The title and the headlines of a run that is published: a headline that cannot be read
    /// back is a warning on standard error, not a failure, because the run itself stands.
    /// </summary>
    public static async Task WriteOfPublishedRunAsync(IServiceProvider services, string runId, CancellationToken cancellationToken)
    {
        GapHeadlineDocument headline;
        try
        {
            headline = await ReadAsync(services, runId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var cause = StorageFailures.IsStoreFault(e) ? StorageFailures.Describe(e) : e.Message.Split('\n', 2)[0].Trim();
            Console.Error.WriteLine($"warning: the gap headline of run {runId} could not be read: {cause}");
            return;
        }

        Console.WriteLine(Title);
        Write(headline);
    }
}
