using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>
/// Drives an <see cref="IPartitionedIngest"/> through a queue: the start plans and enqueues one
/// message per partition; each partition message is processed anywhere and leaves a done marker;
/// whoever sees the last marker claims completion and enqueues it; completion publishes once.
/// Queues deliver at least once and timers may fire twice, so every step checks the store first.
/// <para>
/// Failures: a partition the ingest reports as failed (its source failed after the HTTP retries)
/// is final; the run then fails at completion with a report naming the partition, and latest.json
/// stays. An exception (storage unreachable, a bug) is thrown back so that the queue delivers the
/// message again after its visibility timeout; on the last delivery before the poison queue it is
/// recorded as the partition's failure instead, so that the run still ends with a report.
/// </para>
/// </summary>
public sealed partial class FanOutCoordinator(
    IPartitionedIngest ingest,
    IIngestQueue queue,
    FanOutWorkState work,
    FailedPlanRecorder failures,
    SourceHistoryRecorder history,
    SecretRedactor redactor,
    TimeProvider time,
    PipelineMetrics metrics,
    ILogger<FanOutCoordinator> logger)
{
    /// <summary>Plans a run and hands its partitions to the queue.</summary>
    /// <param name="occurrence">The timer occurrence this start belongs to (such as timer-20261127T060000Z): a second start of it starts nothing. Null for runs asked for by people.</param>
    public async Task<FanOutStart> StartAsync(string trigger, string? occurrence, CancellationToken cancellationToken)
    {
        IngestPlan plan;
        using (var planSpan = PipelineTelemetry.Start(PipelineTelemetry.PlanSpan))
        {
            plan = await ingest.PlanAsync(trigger, cancellationToken);
            planSpan?.SetTag(PipelineTelemetry.PlanIdTag, plan.PlanId);
            planSpan?.SetTag("aienergy.partitions", plan.Partitions.Count);
            if (plan.Failure is { } planFailure)
            {
                PipelineTelemetry.Fail(planSpan, "source_failed", $"{planFailure.Source}: the list of partitions could not be read");
            }
        }

        // The run span (the caller's) names the plan: every message below carries its context.
        System.Diagnostics.Activity.Current?.SetTag(PipelineTelemetry.PlanIdTag, plan.PlanId);
        using var scope = RunLogScope.Plan(logger, plan.PlanId);
        if (occurrence is not null && await work.ClaimOccurrenceAsync(occurrence, plan.PlanId, cancellationToken) is { } owner)
        {
            if (await ResumeAsync(occurrence, owner, plan, cancellationToken) is { } resumed)
            {
                return resumed;
            }

            // The plan just made is dropped unstarted: nothing refers to it, nothing waits for it.
            LogAlreadyStarted(occurrence, owner);
            return new FanOutStart(owner, 0, true, $"The occurrence {occurrence} already started plan {owner}: nothing new was started.");
        }

        await work.SavePlanAsync(plan, cancellationToken);
        if (plan.Partitions.Count == 0)
        {
            await work.ClaimCompletionAsync(plan.PlanId, "start", cancellationToken);
            await queue.EnqueueAsync(IngestMessage.ForCompletion(plan.PlanId), cancellationToken);
        }

        foreach (var partition in plan.Partitions)
        {
            await queue.EnqueueAsync(IngestMessage.ForPartition(plan.PlanId, partition), cancellationToken);
        }

        LogStarted(plan.PlanId, plan.Partitions.Count);
        return new FanOutStart(plan.PlanId, plan.Partitions.Count, false, $"Started plan {plan.PlanId} with {plan.Partitions.Count} partitions.");
    }

    /// <summary>How old a claim of the occurrence must be before a second start takes it for a start that stopped part-way, not one still starting.</summary>
    public static readonly TimeSpan ResumeAfter = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A start of the occurrence that stopped part-way (a crash, or an enqueue that failed, after its
    /// claim) is finished by the timer's next firing of that occurrence (past due after a restart):
    /// when its claim is older than <see cref="ResumeAfter"/> and its plan has no outcome, the plan
    /// is saved under the claim's id if it never was, and every partition without its marker is
    /// enqueued again (a duplicate is harmless: the first marker stays). Null otherwise.
    /// </summary>
    private async Task<FanOutStart?> ResumeAsync(string occurrence, string owner, IngestPlan fresh, CancellationToken cancellationToken)
    {
        if (await work.ReadOccurrenceClaimAsync(occurrence, cancellationToken) is not { } claim
            || time.GetUtcNow() - claim.ClaimedAtUtc < ResumeAfter
            || await work.ReadOutcomeAsync(owner, cancellationToken) is not null)
        {
            return null;
        }

        if (await work.TryReadPlanAsync(owner, cancellationToken) is not { } plan)
        {
            await work.SavePlanAsync(fresh with { PlanId = owner }, cancellationToken);
            plan = await work.ReadPlanAsync(owner, cancellationToken);
        }

        var done = await work.ReadAllDoneAsync(plan, cancellationToken);
        var missing = plan.Partitions.Where(p => !done.ContainsKey(p)).ToList();
        if (missing.Count == 0)
        {
            // Every partition is done but nothing completed the plan: its completion message was lost.
            await queue.EnqueueAsync(IngestMessage.ForCompletion(plan.PlanId), cancellationToken);
        }

        foreach (var partition in missing)
        {
            await queue.EnqueueAsync(IngestMessage.ForPartition(plan.PlanId, partition), cancellationToken);
        }

        LogResumed(occurrence, plan.PlanId, missing.Count);
        return new FanOutStart(plan.PlanId, missing.Count, true, $"The occurrence {occurrence} started plan {plan.PlanId}, which stopped part-way: {missing.Count} of its {plan.Partitions.Count} partitions enqueued again{(missing.Count == 0 ? ", and its completion" : "")}.");
    }

    /// <summary>Either kind of message; returns the run's outcome when this message completed it.</summary>
    public async Task<RunOutcome?> HandleAsync(IngestMessage message, Delivery delivery, CancellationToken cancellationToken)
    {
        if (message.Kind == IngestMessageKind.Complete)
        {
            return await HandleCompletionAsync(message, delivery, cancellationToken);
        }

        await HandlePartitionAsync(message, delivery, cancellationToken);
        return null;
    }

    /// <summary>Processes one partition unless its marker is in, marks it done, and hands the run to completion if it was the last.</summary>
    public async Task<PartitionOutcome> HandlePartitionAsync(IngestMessage message, Delivery delivery, CancellationToken cancellationToken)
    {
        var partition = message.Partition ?? throw new InvalidIngestMessageException($"A partition message of plan {message.PlanId} names no partition.");
        using var span = PipelineTelemetry.StartUnder(PipelineTelemetry.PartitionSpan, message.TraceParent, message.TraceState);
        span?.SetTag(PipelineTelemetry.PlanIdTag, message.PlanId);
        span?.SetTag(PipelineTelemetry.SourceTag, partition.Source);
        span?.SetTag(PipelineTelemetry.PartitionTag, partition.Name);
        span?.SetTag("aienergy.delivery", delivery.Count);
        using var scope = RunLogScope.Plan(logger, message.PlanId);
        try
        {
            return await HandlePartitionInSpanAsync(message, partition, delivery, span, cancellationToken);
        }
        catch (Exception e) when (PipelineTelemetry.MarkFailed(span, e))
        {
            // Never caught: the span is marked, and the queue delivers the message again.
            throw;
        }
    }

    private async Task<PartitionOutcome> HandlePartitionInSpanAsync(IngestMessage message, PartitionKey partition, Delivery delivery, System.Diagnostics.Activity? span, CancellationToken cancellationToken)
    {
        var plan = await work.ReadPlanAsync(message.PlanId, cancellationToken);
        if (!plan.Partitions.Contains(partition))
        {
            throw new InvalidIngestMessageException($"Plan {plan.PlanId} has no partition {partition}.");
        }

        var outcome = await work.ReadDoneAsync(plan.PlanId, partition, cancellationToken);
        if (outcome is not null)
        {
            LogAlreadyDone(plan.PlanId, partition.ToString());
            span?.SetTag("aienergy.already_done", true);
        }
        else
        {
            var started = time.GetTimestamp();
            outcome = await ProcessAsync(plan, partition, delivery, cancellationToken);
            RecordPartition(outcome, time.GetElapsedTime(started));
            await work.MarkDoneAsync(plan.PlanId, outcome, cancellationToken);
            // A duplicate that raced this one may have written first: its marker is the one that counts.
            outcome = await work.ReadDoneAsync(plan.PlanId, partition, cancellationToken) ?? outcome;
        }

        span?.SetTag(PipelineTelemetry.OutcomeTag, Outcome(outcome.Status));
        if (outcome.Status == PartitionStatus.Failed)
        {
            PipelineTelemetry.Fail(span, "partition_failed", outcome.Error);
        }

        var done = await work.ReadAllDoneAsync(plan, cancellationToken);
        if (done.Count == plan.Partitions.Count)
        {
            if (await work.ClaimCompletionAsync(plan.PlanId, $"{partition} delivery {delivery.Count} ({Guid.NewGuid():N})", cancellationToken))
            {
                LogAllDone(plan.PlanId);
                await queue.EnqueueAsync(IngestMessage.ForCompletion(plan.PlanId, message.TraceParent, message.TraceState), cancellationToken);
            }
            else if (delivery.Count > 1 && await work.ReadOutcomeAsync(plan.PlanId, cancellationToken) is null)
            {
                // This message came back, so its first delivery may have claimed completion and died
                // before enqueueing it. A second completion message is harmless: completion runs once.
                await queue.EnqueueAsync(IngestMessage.ForCompletion(plan.PlanId, message.TraceParent, message.TraceState), cancellationToken);
            }
        }

        return outcome;
    }

    /// <summary>Completes the run once: a failed partition fails it (report, latest.json untouched), otherwise the ingest completes and publishes.</summary>
    /// <returns>The outcome, or null when the run was already completed by an earlier delivery.</returns>
    public async Task<RunOutcome?> HandleCompletionAsync(IngestMessage message, Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var span = PipelineTelemetry.StartUnder(PipelineTelemetry.CompleteSpan, message.TraceParent, message.TraceState);
        span?.SetTag(PipelineTelemetry.PlanIdTag, message.PlanId);
        span?.SetTag("aienergy.delivery", delivery.Count);
        using var scope = RunLogScope.Plan(logger, message.PlanId);
        RunOutcome? outcome;
        try
        {
            outcome = await CompleteOnceAsync(message, delivery, cancellationToken);
        }
        catch (Exception e) when (PipelineTelemetry.MarkFailed(span, e))
        {
            // Never caught: the span is marked, and the queue delivers the message again.
            throw;
        }

        if (outcome is not null)
        {
            span?.SetTag(PipelineTelemetry.RunIdTag, outcome.RunId);
            span?.SetTag(PipelineTelemetry.OutcomeTag, Outcome(outcome.Status));
            if (!outcome.Succeeded)
            {
                PipelineTelemetry.Fail(span, "run_failed", outcome.Message);
            }

            metrics.RunEnded("ingest", Outcome(outcome.Status), TimeSpan.FromMilliseconds(outcome.Report.DurationMs));
            foreach (var source in outcome.Report.Sources)
            {
                metrics.SourceCounted(source.Name, source.RowsIn, source.RowsOut, source.RowsQuarantined);
            }
        }
        else
        {
            span?.SetTag("aienergy.already_completed", true);
        }

        return outcome;
    }

    private async Task<RunOutcome?> CompleteOnceAsync(IngestMessage message, Delivery delivery, CancellationToken cancellationToken)
    {
        if (await work.ReadOutcomeAsync(message.PlanId, cancellationToken) is { } earlier)
        {
            LogAlreadyCompleted(message.PlanId, earlier.RunId);
            return null;
        }

        var plan = await work.ReadPlanAsync(message.PlanId, cancellationToken);
        var (owns, owner) = await work.ClaimCompletingAsync(plan.PlanId, delivery.MessageId, cancellationToken);
        if (!owns)
        {
            // A second completion message (the recovery path of a redelivered partition message) while the
            // first is still completing: the first one's own redeliveries finish the run if it dies.
            LogCompletingElsewhere(plan.PlanId, owner ?? "(in-process)");
            return null;
        }

        try
        {
            return await CompleteOwnedAsync(plan, delivery, cancellationToken);
        }
        catch (Exception e) when (delivery.IsLast && e is not OperationCanceledException)
        {
            // This message goes to the poison queue: a claim that outlived it would turn away every later
            // completion message of the plan (a resumed start's), and the plan could never complete.
            await ReleaseCompletingAsync(plan.PlanId, delivery.MessageId, e);
            throw;
        }
    }

    private async Task ReleaseCompletingAsync(string planId, string? messageId, Exception cause)
    {
        try
        {
            await work.ReleaseCompletingAsync(planId, messageId, CancellationToken.None);
            LogCompletingReleased(planId, redactor.Redact(cause.Message));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCompletingNotReleased(planId, redactor.Redact(e.Message));
        }
    }

    private async Task<RunOutcome> CompleteOwnedAsync(IngestPlan plan, Delivery delivery, CancellationToken cancellationToken)
    {
        var done = await work.ReadAllDoneAsync(plan, cancellationToken);
        var missing = plan.Partitions.Where(p => !done.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Plan {plan.PlanId} was asked to complete with partitions not done: {string.Join(", ", missing)}.");
        }

        var failed = done.Values.Where(o => o.Status == PartitionStatus.Failed).OrderBy(o => o.Partition.ToString(), StringComparer.Ordinal).ToList();
        RunOutcome outcome;
        if (failed.Count > 0)
        {
            outcome = await failures.RecordAsync(plan, failed, null, done, cancellationToken);
        }
        else
        {
            try
            {
                outcome = await ingest.CompleteAsync(plan, cancellationToken);
            }
            catch (Exception e) when (delivery.IsLast && e is not OperationCanceledException)
            {
                outcome = await failures.RecordAsync(plan, [], redactor.Redact($"completion: {e.Message}"), done, cancellationToken);
            }
        }

        await work.SaveOutcomeAsync(new FanOutRunOutcome(plan.PlanId, outcome.Status, outcome.RunId, outcome.LatestRunId, outcome.Message, time.GetUtcNow()), cancellationToken);
        LogCompleted(plan.PlanId, outcome.Message);
        // Every ingest ends here, published, unchanged or failed (by a partition too): the history /api/health reads.
        await history.RecordAsync(outcome.Report, outcome.LatestRunId, cancellationToken);
        return outcome;
    }

    private async Task<PartitionOutcome> ProcessAsync(IngestPlan plan, PartitionKey partition, Delivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            return await ingest.ProcessPartitionAsync(plan, partition, cancellationToken);
        }
        catch (Exception e) when (delivery.IsLast && e is not OperationCanceledException)
        {
            // No delivery follows this one: record the cause so that the run ends with a report.
            var error = redactor.Redact($"{e.GetType().Name}: {e.Message} (delivery {delivery.Count}, the last)");
            LogPartitionGaveUp(plan.PlanId, partition.ToString(), error);
            return new PartitionOutcome(partition, PartitionStatus.Failed, 0, error);
        }
    }

    /// <summary>A run's or a partition's outcome as a tag value: published, unchanged, failed; reused, normalised.</summary>
    public static string Outcome(RunStatus status) => status.ToString().ToLowerInvariant();

    public static string Outcome(PartitionStatus status) => status.ToString().ToLowerInvariant();

    private void RecordPartition(PartitionOutcome outcome, TimeSpan elapsed)
    {
        var tags = new System.Diagnostics.TagList { { PipelineTelemetry.SourceTag, outcome.Partition.Source }, { PipelineTelemetry.OutcomeTag, Outcome(outcome.Status) } };
        metrics.Partitions.Add(1, tags);
        metrics.PartitionDuration.Record(elapsed.TotalSeconds, tags);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "started plan {PlanId}: {Partitions} partitions enqueued")]
    private partial void LogStarted(string planId, int partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "occurrence {Occurrence} started plan {PlanId}, which stopped part-way: {Partitions} partitions enqueued again")]
    private partial void LogResumed(string occurrence, string planId, int partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "occurrence {Occurrence} already started plan {PlanId}: nothing new started")]
    private partial void LogAlreadyStarted(string occurrence, string planId);

    [LoggerMessage(Level = LogLevel.Information, Message = "plan {PlanId}: partition {Partition} is already done; not processed again")]
    private partial void LogAlreadyDone(string planId, string partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "plan {PlanId}: every partition is done; completion enqueued")]
    private partial void LogAllDone(string planId);

    [LoggerMessage(Level = LogLevel.Information, Message = "plan {PlanId} was already completed as run {RunId}; nothing done")]
    private partial void LogAlreadyCompleted(string planId, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "plan {PlanId} is being completed by message {MessageId}; nothing done")]
    private partial void LogCompletingElsewhere(string planId, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "plan {PlanId}: its completion failed on its last delivery ({Error}); the completion is given up, so that a later completion message may complete the plan")]
    private partial void LogCompletingReleased(string planId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "plan {PlanId}: its completion failed on its last delivery, and giving it up failed too: {Error}")]
    private partial void LogCompletingNotReleased(string planId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "plan {PlanId} completed: {Message}")]
    private partial void LogCompleted(string planId, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "plan {PlanId}: partition {Partition} failed on its last delivery: {Error}")]
    private partial void LogPartitionGaveUp(string planId, string partition, string error);
}
