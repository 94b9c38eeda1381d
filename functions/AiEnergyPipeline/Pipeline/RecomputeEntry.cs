using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// The one way into a recompute, whoever asks (POST /api/recompute, <c>aienergy recompute</c>):
/// reads latest.json once, takes the limits from the run it names, checks the body against them and
/// recomputes that same run. Read twice, once for the limits and once for the run, an ingest that
/// swung latest.json in between would have a request checked against one run and applied to another.
/// The adapters only turn the result into an HTTP answer or an exit code and lines.
/// </summary>
public sealed class RecomputeEntry(RunPublisher publisher, RecomputeLimitsLoader limits, RecomputePipeline pipeline, Sweep.StoreSweeper sweeper)
{
    /// <param name="body">
    /// The overrides, in the format of the POST /api/recompute body (read up to 1 MiB and one byte
    /// more, whatever its declared length); null for none, everything as published.
    /// </param>
    /// <param name="trigger">Who asked (http, cli): said in the published run's message.</param>
    /// <exception cref="DamagedRunException">
    /// latest.json is damaged, or the run it names has no readable data package, assumptions or
    /// demand_scenarios: there are no limits to check the body against.
    /// </exception>
    public async Task<RecomputeResult> RunAsync(Stream? body, string trigger, CancellationToken cancellationToken)
    {
        // A body that no run's limits could pass (too long, not UTF-8, not a JSON object) is refused
        // before anything is swept or read: a typo in a file of assumptions changes nothing.
        var read = body is null ? default : await RecomputeRequestParser.ReadAsync(body, cancellationToken);
        if (read.Problem is { } early)
        {
            return RecomputeResult.Invalid(early.Errors);
        }

        // Swept before latest.json is read, never after: a sweep between the two could remove the
        // run this recompute derives from (displaced by a newer ingest, past Sweep:KeepLatestRuns).
        await sweeper.SweepAtRunStartAsync(RecomputePipeline.Trigger, cancellationToken);
        var latest = await publisher.ReadLatestAsync(cancellationToken);
        if (latest.Problem is { } problem)
        {
            throw new DamagedRunException($"{problem} {RecomputePipeline.DamagedLatestAdvice}");
        }

        if (latest.Pointer is not { } pointer)
        {
            return RecomputeResult.NothingPublished;
        }

        var runLimits = await limits.LoadAsync(pointer.RunId, cancellationToken);
        var parsed = body is null
            ? RecomputeParseResult.Valid(RecomputeRequest.Empty)
            : RecomputeRequestParser.Parse(read.Utf8, runLimits);
        if (!parsed.IsValid)
        {
            return RecomputeResult.Invalid(parsed.Errors);
        }

        // The same read, not a new one: the run recomputed is the run whose limits the request passed.
        return RecomputeResult.Of(await pipeline.RunAsync(parsed.Request, latest, trigger, cancellationToken));
    }
}
