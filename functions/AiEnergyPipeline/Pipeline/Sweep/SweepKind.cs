namespace AiEnergyPipeline.Pipeline.Sweep;

/// <summary>What kind of thing the sweep removed (or, in a dry run, would remove).</summary>
public enum SweepKind
{
    /// <summary>A *.tmp file or blob: half a write, left by a crash before it was moved into place.</summary>
    TempFile,

    /// <summary>runs/{id}/ without datapackage.json: a run that died while publishing.</summary>
    HalfRun,

    /// <summary>runs/{id}/ holding only the report of a failed run, past the report age.</summary>
    FailedRunReport,

    /// <summary>A complete run past the retention policy.</summary>
    RetiredRun,

    /// <summary>work/{plan}/ of a fanned-out plan past its expiry.</summary>
    ExpiredPlan,

    /// <summary>work/occurrences/{key}.json of a timer occurrence past the plan expiry.</summary>
    ExpiredOccurrence,

    /// <summary>partitions/{source}/{part}/{version}/: cached partitions of another partition version (IngestPipeline.PartitionVersion), which this version never reads.</summary>
    OtherVersionPartitions,

    /// <summary>partitions/{source}/{part}/plans/{planId}.json: how a partition ended in a plan past its expiry.</summary>
    ExpiredPlanRecord,

    /// <summary>sweeps/{id}.json of an earlier sweep past the report age.</summary>
    OldSweepReport,

    /// <summary>A folder under Pipeline:WorkDirectory left by a run that died.</summary>
    WorkFolder,

    /// <summary>A response body the HTTP retry handler buffered in the system's temporary folder.</summary>
    BufferedBody,

    /// <summary>partitions/{source}/{part}/{version}/{sha256}/ of this version: a partition normalised from bytes its file no longer has, which nothing uses.</summary>
    SupersededPartition,

    /// <summary>raw/{source}/{sha256}.{ext}: an input file no kept run, fetch state or young plan names.</summary>
    UnusedRawFile,
}
