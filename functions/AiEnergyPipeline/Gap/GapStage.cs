using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Gap;

/// <summary>
/// The pipeline's compute stage: after every normaliser, reads the staged tables, computes the
/// gap and stages its outputs under gap/. A <see cref="GapException"/> fails the run.
/// </summary>
public sealed partial class GapStage(ILogger<GapStage> logger, IOptions<CompletionLearningOptions> learning)
{
    /// <summary>Replaces curated completion weights in the staged assumptions table with those measured from planned_realisation, where its cohorts are large enough.</summary>
    public async Task<IReadOnlyList<StagedTable>> LearnCompletionWeightsAsync(IReadOnlyList<StagedTable> tables, CancellationToken cancellationToken)
    {
        var (learned, weights) = await MeasuredAssumptions.ApplyAsync(tables, learning.Value, cancellationToken);
        foreach (var weight in weights)
        {
            LogMeasured(weight.Name, weight.Value, weight.Notes);
        }

        return learned;
    }

    /// <param name="settings">Settings to use instead of those of the assumptions table (a recompute's overrides).</param>
    /// <exception cref="GapException">The gap cannot be computed; the message says why.</exception>
    /// <param name="sample">The inputs include sample files: every headline and chart says the numbers are not real.</param>
    /// <param name="queuesNotRead">The queues a file of which failed in this run (what each failed file lacks): the queue supply tail is not added without them.</param>
    public async Task<IReadOnlyList<StagedTable>> ComputeAsync(string runId, IReadOnlyList<StagedTable> tables, IReadOnlyList<FetchedFile> curatedFiles, string stagingDirectory, bool sample, CancellationToken cancellationToken, GapSettings? settings = null, IEnumerable<string>? queuesNotRead = null, SourceOrigins? origins = null)
    {
        var regions = curatedFiles.FirstOrDefault(f => f.FileName == GapInputsReader.RegionsFileName)
            ?? throw new GapException($"the curated file {GapInputsReader.RegionsFileName} was not fetched.");
        var inputs = GapInputsReader.Read(tables, regions.LocalPath);
        if ((settings ?? GapSettings.FromAssumptions(inputs.Assumptions)).AddQueueTail)
        {
            // Read only when asked for: with the tail off the gap never opens the queue tables.
            inputs = inputs with { QueueTail = QueueTailReader.Read(tables).WithQueuesNotRead(queuesNotRead ?? []) };
        }

        return await ComputeAsync(runId, inputs, stagingDirectory, sample, cancellationToken, settings, origins);
    }

    /// <summary>Computes the gap from inputs already read (a recompute's, with its overrides applied) and stages its outputs.</summary>
    /// <exception cref="GapException">The gap cannot be computed; the message says why.</exception>
    public async Task<IReadOnlyList<StagedTable>> ComputeAsync(string runId, GapInputs inputs, string stagingDirectory, bool sample, CancellationToken cancellationToken, GapSettings? settings = null, SourceOrigins? origins = null)
    {
        if (inputs.Scenarios.Count == 0)
        {
            throw new GapException("demand_scenarios has no rows: there is no scenario to compute the gap for.");
        }

        // A weight is measured while its value is the measured one: an override makes it the operator's assumption.
        var used = settings ?? GapSettings.FromAssumptions(inputs.Assumptions);
        var prefix = AssumptionNames.CompletionWeightPrefix.Length;
        used = used with
        {
            MeasuredWeights = inputs.Measured
                .Where(m => m.Key.StartsWith(AssumptionNames.CompletionWeightPrefix, StringComparison.Ordinal) && used.CompletionWeights.TryGetValue(m.Key[prefix..], out var value) && value == m.Value)
                .Select(m => m.Key[prefix..])
                .ToHashSet(StringComparer.Ordinal),
        };
        var result = GapModel.Compute(inputs, used);
        foreach (var note in result.Notes)
        {
            LogNote(note);
        }

        var staged = await GapOutputs.WriteAsync(result, inputs.Scenarios, runId, stagingDirectory, sample, cancellationToken, origins);
        if (used.AddQueueTail && inputs.QueueTail is { Missing: null })
        {
            // The queue supply tail added queue projects to supply: the outputs it reaches name the queues too.
            staged = [.. staged.Select(t => t.Schema.Sources.Contains(SourceNames.Eia860m)
                ? t with { Inputs = [.. t.InputsOrSources, new TableInput(SourceNames.Queues)] }
                : t)];
        }

        foreach (var headline in result.Headlines)
        {
            LogHeadline(GapOutputs.HeadlineText(headline.Headline, sample));
        }

        return staged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "gap: measured {Name} = {Value}: {Notes}")]
    private partial void LogMeasured(string name, double value, string notes);

    [LoggerMessage(Level = LogLevel.Information, Message = "gap: {Note}")]
    private partial void LogNote(string note);

    [LoggerMessage(Level = LogLevel.Information, Message = "gap: {Headline}")]
    private partial void LogHeadline(string headline);
}
