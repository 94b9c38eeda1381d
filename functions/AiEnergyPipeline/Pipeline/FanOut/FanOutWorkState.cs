using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>
/// The state of fanned-out runs in the dataset store, so that any instance can pick up any step:
/// <code>
/// work/{planId}/plan.json                      the plan (written once)
/// work/{planId}/done/{source}/{name}.json      one marker per processed partition: its PartitionOutcome
/// work/{planId}/completion.json                the completion claim: whoever writes it first completes the run
/// work/{planId}/completing.json               which completion message owns the completion (its redeliveries may retry it, no other message may)
/// work/{planId}/outcome.json                   how the completion ended (run id, status): a second completion does nothing
/// work/occurrences/{occurrence}.json           the plan started for one timer occurrence: a second firing starts none
/// </code>
/// Every "first writer wins" write is If-None-Match: *, which both stores honour.
/// </summary>
public sealed class FanOutWorkState(IDatasetStore store, TimeProvider time)
{
    public const string Root = "work";

    public static string PlanFolder(string planId) => $"{Root}/{StorePath.Validate(planId)}";
    public static string PlanPath(string planId) => $"{PlanFolder(planId)}/plan.json";
    public static string DoneFolder(string planId) => $"{PlanFolder(planId)}/done/";
    public static string DonePath(string planId, PartitionKey partition) => $"{PlanFolder(planId)}/done/{partition.Source}/{partition.Name}.json";
    public static string CompletionClaimPath(string planId) => $"{PlanFolder(planId)}/completion.json";
    public static string CompletingPath(string planId) => $"{PlanFolder(planId)}/completing.json";
    public static string OutcomePath(string planId) => $"{PlanFolder(planId)}/outcome.json";
    public static string OccurrencePath(string occurrence) => $"{Root}/occurrences/{StorePath.Validate(occurrence)}.json";

    public IDatasetStore Store => store;

    /// <summary>Records that <paramref name="occurrence"/> started <paramref name="planId"/>; returns the plan that got there first otherwise.</summary>
    public async Task<string?> ClaimOccurrenceAsync(string occurrence, string planId, CancellationToken cancellationToken)
    {
        if (await TryCreateAsync(OccurrencePath(occurrence), new OccurrenceClaim(occurrence, planId, time.GetUtcNow()), cancellationToken))
        {
            return null;
        }

        // A write retried after its answer was lost finds its own claim there: it is ours.
        var owner = (await ReadAsync<OccurrenceClaim>(OccurrencePath(occurrence), cancellationToken))?.PlanId ?? "(unreadable claim)";
        return owner == planId ? null : owner;
    }

    /// <summary>The claim of <paramref name="occurrence"/>, or null when there is none (or it cannot be read).</summary>
    public Task<OccurrenceClaim?> ReadOccurrenceClaimAsync(string occurrence, CancellationToken cancellationToken) =>
        ReadAsync<OccurrenceClaim>(OccurrencePath(occurrence), cancellationToken);

    /// <summary>The plan, or null when it was never saved (a start that stopped between its claim and its plan).</summary>
    public Task<IngestPlan?> TryReadPlanAsync(string planId, CancellationToken cancellationToken) =>
        ReadAsync<IngestPlan>(PlanPath(planId), cancellationToken);

    public Task SavePlanAsync(IngestPlan plan, CancellationToken cancellationToken) =>
        TryCreateAsync(PlanPath(plan.PlanId), plan, cancellationToken);

    public async Task<IngestPlan> ReadPlanAsync(string planId, CancellationToken cancellationToken) =>
        await ReadAsync<IngestPlan>(PlanPath(planId), cancellationToken)
        ?? throw new InvalidIngestMessageException($"Plan {planId} is not in the store ({PlanPath(planId)}): the message refers to a run this store never planned.");

    public Task<PartitionOutcome?> ReadDoneAsync(string planId, PartitionKey partition, CancellationToken cancellationToken) =>
        ReadAsync<PartitionOutcome>(DonePath(planId, partition), cancellationToken);

    /// <summary>Writes a partition's marker; the first marker stays (a duplicate delivery that processed it again changes nothing).</summary>
    public Task MarkDoneAsync(string planId, PartitionOutcome outcome, CancellationToken cancellationToken) =>
        TryCreateAsync(DonePath(planId, outcome.Partition), outcome, cancellationToken);

    /// <summary>The markers of the plan's partitions that are in, by partition.</summary>
    public async Task<IReadOnlyDictionary<PartitionKey, PartitionOutcome>> ReadAllDoneAsync(IngestPlan plan, CancellationToken cancellationToken)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var info in store.ListAsync(DoneFolder(plan.PlanId), cancellationToken))
        {
            present.Add(info.Path);
        }

        var done = new Dictionary<PartitionKey, PartitionOutcome>();
        foreach (var partition in plan.Partitions.Where(p => present.Contains(DonePath(plan.PlanId, p))))
        {
            if (await ReadDoneAsync(plan.PlanId, partition, cancellationToken) is { } outcome)
            {
                done[partition] = outcome;
            }
        }

        return done;
    }

    /// <summary>Only one caller ever gets true for a plan: it hands the run on to completion.</summary>
    /// <param name="claimant">Unique to the caller: a write retried after its answer was lost finds its own claim and still gets true.</param>
    public async Task<bool> ClaimCompletionAsync(string planId, string claimant, CancellationToken cancellationToken) =>
        await TryCreateAsync(CompletionClaimPath(planId), new CompletionClaim(planId, claimant, time.GetUtcNow()), cancellationToken)
        || (await ReadAsync<CompletionClaim>(CompletionClaimPath(planId), cancellationToken))?.Claimant == claimant;

    /// <summary>
    /// Whether the completion message <paramref name="messageId"/> may complete the plan: the first
    /// message to ask owns it, and only its own redeliveries (after a crash) may ask again.
    /// </summary>
    public async Task<(bool Owns, string? Owner)> ClaimCompletingAsync(string planId, string? messageId, CancellationToken cancellationToken)
    {
        if (await TryCreateAsync(CompletingPath(planId), new CompletingClaim(planId, messageId, time.GetUtcNow()), cancellationToken))
        {
            return (true, messageId);
        }

        var owner = (await ReadAsync<CompletingClaim>(CompletingPath(planId), cancellationToken))?.MessageId;
        return (owner == messageId, owner);
    }

    /// <summary>
    /// Gives up the completion that <paramref name="messageId"/> owns (its last delivery failed, and
    /// the queue moves it to the poison queue): a later completion message of the plan, such as a
    /// resumed start's, may then complete it. A claim of another message is left alone.
    /// </summary>
    /// <returns>Whether a claim of <paramref name="messageId"/> was removed.</returns>
    public async Task<bool> ReleaseCompletingAsync(string planId, string? messageId, CancellationToken cancellationToken) =>
        (await ReadAsync<CompletingClaim>(CompletingPath(planId), cancellationToken))?.MessageId == messageId
        && await store.DeleteAsync(CompletingPath(planId), cancellationToken);

    public Task<FanOutRunOutcome?> ReadOutcomeAsync(string planId, CancellationToken cancellationToken) =>
        ReadAsync<FanOutRunOutcome>(OutcomePath(planId), cancellationToken);

    public async Task SaveOutcomeAsync(FanOutRunOutcome outcome, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(PublishedJson.Serialize(outcome));
        await store.WriteAsync(OutcomePath(outcome.PlanId), content, WriteCondition.None, new StoreWriteOptions(ContentTypes.Json), cancellationToken);
    }

    private async Task<bool> TryCreateAsync<T>(string path, T value, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new MemoryStream(PublishedJson.Serialize(value));
            await store.WriteAsync(path, content, WriteCondition.IfNotExists, new StoreWriteOptions(ContentTypes.Json), cancellationToken);
            return true;
        }
        catch (StoreConditionFailedException)
        {
            return false;
        }
    }

    private async Task<T?> ReadAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        await using var stored = await store.OpenReadAsync(path, cancellationToken);
        return stored is null ? null : await PublishedJson.DeserializeAsync<T>(stored.Content, cancellationToken);
    }
}
