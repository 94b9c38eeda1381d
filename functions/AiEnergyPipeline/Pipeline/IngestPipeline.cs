using AiEnergyPipeline.Tables;
namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// The one ingest every adapter drives, in the three steps of <see cref="IPartitionedIngest"/>:
/// plan (<see cref="IngestPlanner"/>), process each partition (<see cref="PartitionProcessor"/>),
/// complete (<see cref="IngestCompletion"/>). The CLI, the timer and POST /api/ingest drive them
/// through the fan-out: every partition in their own process (<c>InProcessFanOut</c>) or across
/// instances through a storage queue.
/// </summary>
public sealed class IngestPipeline(IngestPlanner planner, PartitionProcessor processor, IngestCompletion completion) : IPartitionedIngest
{
    /// <summary>
    /// Bumped when a change to the code changes its outputs for the same inputs; part of the inputs
    /// hash, and published as the run's model_version. Without a bump, a run over unchanged inputs
    /// finds them those of the latest run and keeps the old outputs published. A change of any
    /// table's columns fails <c>ModelVersionTests</c>, and a change of the bundled snapshot's data
    /// outputs <c>SnapshotOutputsTests</c>, until this is bumped and the new values recorded there.
    /// </summary>
    // v7: Parquet compressed, with statistics (cached partitions of v6 hold uncompressed ba_hourly parts)
    // v8, gap v4: queue_projects' component_2_class and component_3_class; the queue tail counts hybrids' further technologies
    // v9, gap v5: a sample run's Parquet files say so in their footers (partitions v9); gap_by_year and gap_by_region say what
    // their firm additions' completion weights were (firm_additions_basis); headline.json notes why a year of
    // us_vs_china_additions without a previous total is empty, and the planned units not counted
    // gap v6: units built or retired after the base year count in firm additions (additions_by_year_technology's
    // built_nameplate_mw, retired_nameplate_mw, firm_change_mw); a region without a complete share or trend is
    // published empty, not 0; ai_demand_basis says assumption for this project's points; headlines of
    // data-centre scenarios say so; notes for a base-year assumption and for AI demand held flat
    // gap v7: a recompute's own points say override; notes name overridden assumptions and an interpolated headline year
    // gap v8: notes for inputs that are not whole (unread EIA-860M rows, authorities outside the trend or without a
    // peak, a country without a total, gap_gw_2028 outside the years); a queue whose files failed stops the queue tail
    // v10, gap v9: every table ends with origin (fetched, recorded, sample or curated); the inputs hash counts each file's origin
    public const string ModelVersion = "ingest-v10-gap-v9";

    /// <summary>
    /// The version of what a partition's normaliser writes (a BALANCE half-year's ba_hourly part and
    /// annual partials, an EIA-860M vintage's rows): the partition cache's key. Bumped only when
    /// those change, so that a change elsewhere (the gap, a small table) does not normalise the whole
    /// EIA-930 history again. A change of the bundled snapshot's partition entries fails
    /// <c>SnapshotOutputsTests</c> until this is bumped (and, as their published parts change too,
    /// <see cref="ModelVersion"/>).
    /// </summary>
    // v9: a part normalised from a sample file says so in its Parquet footer. (v8 was named
    // "ingest-v8-gap-v4", as the whole model was when its version keyed the cache.)
    // v10: every row of a part says its file's origin, and a part from a sample or recorded file is cached apart (-sample, -recorded)
    public const string PartitionVersion = "partitions-v10";

    /// <summary>
    /// What outputs depend on besides the inputs: <see cref="ModelVersion"/>, and the Parquet codec
    /// where it is not the default (<c>ingest-v10-gap-v9-parquet-zstd</c>), so that a change of
    /// <c>Parquet__Compression</c> publishes a new run, while runs written with the default keep
    /// their model's name.
    /// </summary>
    public static string OutputsVersion(ParquetCompression compression) => WithCodec(ModelVersion, compression);

    /// <summary>
    /// The partition cache's version folder: <see cref="PartitionVersion"/>, with the Parquet codec
    /// where it is not the default, so that a change of <c>Parquet__Compression</c> re-normalises
    /// cached partitions.
    /// </summary>
    public static string PartitionOutputsVersion(ParquetCompression compression) => WithCodec(PartitionVersion, compression);

    private static string WithCodec(string version, ParquetCompression compression) =>
        compression == ParquetCompression.Snappy ? version : $"{version}-parquet-{compression.ToString().ToLowerInvariant()}";

    public Task<IngestPlan> PlanAsync(string trigger, CancellationToken cancellationToken) =>
        planner.PlanAsync(trigger, cancellationToken);

    /// <exception cref="ArgumentException">The partition is not one of a partitioned source.</exception>
    public Task<PartitionOutcome> ProcessPartitionAsync(IngestPlan plan, PartitionKey partition, CancellationToken cancellationToken)
    {
        // An instance drains partition after partition. The last one's buffers are garbage, but the
        // collector keeps their memory committed, so each partition would start on top of the one
        // before: 22 half-years in one process peaked at 171 MB against 119 MB for one (the
        // bench's history command; docs/performance.md). Given back first, every partition starts
        // from the same memory. A few milliseconds on a heap this small.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return processor.ProcessAsync(plan, partition, cancellationToken);
    }

    public Task<RunOutcome> CompleteAsync(IngestPlan plan, CancellationToken cancellationToken) =>
        completion.CompleteAsync(plan, cancellationToken);
}
