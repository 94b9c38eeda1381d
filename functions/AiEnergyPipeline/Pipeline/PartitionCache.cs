using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// A partition's normalised outputs (a BALANCE half-year, an EIA-860M vintage), kept in the store so that an unchanged file is
/// neither downloaded nor parsed again. Keyed by the raw file's sha256 and the partitions' version with
/// the Parquet codec where it is not the default (<see cref="IngestPipeline.PartitionOutputsVersion"/>):
/// <code>
/// partitions/{source}/{part}/{partitionVersion}/{sha256}/{table}.csv      (and .parquet when written)
/// partitions/{source}/{part}/{partitionVersion}/{sha256}/summary.json     written last: the entry is complete
/// partitions/{source}/{part}/{partitionVersion}-sample/{sha256}/...       the same, from a sample file (or -recorded: a recorded one)
/// partitions/{source}/{part}/plans/{planId}.json                      how the partition ended in one plan
/// </code>
/// Entries are written whole and never changed, so processing a partition twice, or twice at
/// once, writes the same bytes. The file's origin is part of the key because every row says it
/// (<see cref="OriginColumn"/>): a live run that meets the bytes of a sample or a recording must
/// not publish their rows labelled so.
/// </summary>
/// <param name="compression">The codec the partition's Parquet files are written with.</param>
public sealed class PartitionCache(IDatasetStore store, ParquetCompression compression = ParquetCompression.Snappy)
{
    /// <summary>The store folder every partition's entries and plan records are under.</summary>
    public const string Root = "partitions";

    /// <summary>The folder of a partition's records in plans, beside its entries' version folders.</summary>
    public const string PlanRecords = "plans";

    public string Folder(PartitionKey key, string sha256, InputOrigin origin) =>
        $"{Root}/{key.Source}/{key.Name}/{Version(origin)}/{sha256}";

    public string SummaryPath(PartitionKey key, string sha256, InputOrigin origin) => $"{Folder(key, sha256, origin)}/summary.json";

    public string FilePath(PartitionKey key, string sha256, InputOrigin origin, string table, string format) => $"{Folder(key, sha256, origin)}/{table}.{format}";

    /// <summary>The version folder of entries made from files of this origin: a fetched file's has no suffix.</summary>
    private string Version(InputOrigin origin) =>
        IngestPipeline.PartitionOutputsVersion(compression) + (origin == InputOrigin.Fetched ? "" : "-" + RowOrigin.Of(origin));

    public static string PlanRecordPath(PartitionKey key, string planId) => $"{Root}/{key.Source}/{key.Name}/{PlanRecords}/{planId}.json";

    public Task<PartitionSummary?> ReadSummaryAsync(PartitionKey key, string sha256, InputOrigin origin, CancellationToken cancellationToken) =>
        ReadAsync<PartitionSummary>(SummaryPath(key, sha256, origin), cancellationToken);

    public Task<PartitionRecord?> ReadRecordAsync(PartitionKey key, string planId, CancellationToken cancellationToken) =>
        ReadAsync<PartitionRecord>(PlanRecordPath(key, planId), cancellationToken);

    /// <summary>Stores a partition just normalised: its files first, then its summary, which marks the entry complete.</summary>
    public async Task<PartitionSummary> WriteAsync(PartitionKey key, FetchedFile file, PartitionResult result, IReadOnlyList<QuarantineRecord> quarantine, CancellationToken cancellationToken)
    {
        var files = new List<PartitionFile>();
        foreach (var staged in result.Files)
        {
            var path = FilePath(key, file.Sha256, file.Origin, staged.Schema.Name, staged.Format);
            // The staged file is not read again: the store takes it (a folder store moves it in, no copy).
            await store.WriteFileAsync(path, staged.LocalPath, WriteCondition.None, new StoreWriteOptions(ContentTypes.ForExtension(staged.Format)), cancellationToken);

            files.Add(new PartitionFile(staged.Schema.Name, staged.Format, path, staged.Rows, staged.Bytes, staged.Sha256));
        }

        var summary = new PartitionSummary(
            key.Source,
            key.Name,
            file.FileName,
            file.Sha256,
            Version(file.Origin),
            result.RowsIn,
            result.RowsOut,
            files,
            result.Coverage.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new PartitionCoverage(c.Key, c.Value.FirstUtc, c.Value.LastUtc)).ToList(),
            result.Annual,
            quarantine);
        await WriteJsonAsync(SummaryPath(key, file.Sha256, file.Origin), summary, cancellationToken);
        return summary;
    }

    /// <summary>
    /// The partition's outcome in this plan. A success replaces whatever is there; a failure is
    /// written only where there is no record yet: a duplicate delivery that fails after another
    /// succeeded (a fetch answered 503 the second time) must not turn the plan's partition into a failure.
    /// </summary>
    public async Task WriteRecordAsync(PartitionRecord record, CancellationToken cancellationToken)
    {
        var path = PlanRecordPath(new PartitionKey(record.Source, record.Partition), record.PlanId);
        try
        {
            await WriteJsonAsync(path, record, cancellationToken, record.Status == PartitionStatus.Failed ? WriteCondition.IfNotExists : WriteCondition.None);
        }
        catch (StoreConditionFailedException) when (record.Status == PartitionStatus.Failed)
        {
            // A record was there first: a success stays; an earlier failure says as much as this one.
        }
    }

    private async Task WriteJsonAsync<T>(string path, T value, CancellationToken cancellationToken, WriteCondition? condition = null)
    {
        using var content = new MemoryStream(PublishedJson.Serialize(value));
        await store.WriteAsync(path, content, condition ?? WriteCondition.None, new StoreWriteOptions(ContentTypes.Json), cancellationToken);
    }

    private async Task<T?> ReadAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        await using var opened = await store.OpenReadAsync(path, cancellationToken);
        return opened is null ? null : await PublishedJson.DeserializeAsync<T>(opened.Content, cancellationToken);
    }
}
