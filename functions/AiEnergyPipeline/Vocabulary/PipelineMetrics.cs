using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiEnergyPipeline.Vocabulary;

/// <summary>
/// The pipeline's instruments, on one Meter named <see cref="PipelineTelemetry.Name"/> made by the
/// container's IMeterFactory (so that each container, in tests too, has its own and disposes it).
/// Counters and histograms are recorded where the pipeline knows the numbers anyway: nothing is
/// read or counted for them alone. The gauges of data age are registered on <see cref="Meter"/> by
/// the pipeline layer, which knows where that state is kept.
/// </summary>
public sealed class PipelineMetrics
{
    public PipelineMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(PipelineTelemetry.Name);
        BytesFetched = Meter.CreateCounter<long>("aienergy.fetch.bytes", "By", "Bytes downloaded from the sources (a file answered 304 Not Modified counts 0)");
        FetchDuration = Meter.CreateHistogram<double>("aienergy.fetch.duration", "s", "Time to fetch one source or one partition's file");
        RowsIn = Meter.CreateCounter<long>("aienergy.rows.in", "{row}", "Rows read from the sources' files, per source, once per run");
        RowsOut = Meter.CreateCounter<long>("aienergy.rows.out", "{row}", "Rows written to the normalised tables, per source, once per run");
        RowsQuarantined = Meter.CreateCounter<long>("aienergy.rows.quarantined", "{row}", "Rows that failed validation and went to the quarantine table, per source, once per run");
        Partitions = Meter.CreateCounter<long>("aienergy.partitions", "{partition}", "Partitions processed, by outcome: reused, normalised or failed");
        PartitionDuration = Meter.CreateHistogram<double>("aienergy.partition.duration", "s", "Time to process one partition (fetch, then reuse or normalise)");
        Runs = Meter.CreateCounter<long>("aienergy.runs", "{run}", "Runs ended, by kind (ingest, recompute) and outcome (published, unchanged, failed)");
        RunDuration = Meter.CreateHistogram<double>("aienergy.run.duration", "s", "Time from a run's start (its plan, for an ingest) to its end");
        StepDuration = Meter.CreateHistogram<double>("aienergy.step.duration", "s", "Time of a step of a run's completion: normalise, gap, publish");
    }

    public Meter Meter { get; }

    public Counter<long> BytesFetched { get; }

    public Histogram<double> FetchDuration { get; }

    public Counter<long> RowsIn { get; }

    public Counter<long> RowsOut { get; }

    public Counter<long> RowsQuarantined { get; }

    public Counter<long> Partitions { get; }

    public Histogram<double> PartitionDuration { get; }

    public Counter<long> Runs { get; }

    public Histogram<double> RunDuration { get; }

    public Histogram<double> StepDuration { get; }

    /// <summary>One tag pair, for the instruments' Add and Record.</summary>
    public static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);

    /// <summary>A run that ended: counted by kind and outcome, with its duration.</summary>
    public void RunEnded(string kind, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { PipelineTelemetry.KindTag, kind }, { PipelineTelemetry.OutcomeTag, outcome } };
        Runs.Add(1, tags);
        RunDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>A source's counts in a run, recorded once when the run ends.</summary>
    public void SourceCounted(string source, long rowsIn, long rowsOut, long quarantined)
    {
        var tag = Tag(PipelineTelemetry.SourceTag, source);
        RowsIn.Add(rowsIn, tag);
        RowsOut.Add(rowsOut, tag);
        RowsQuarantined.Add(quarantined, tag);
    }
}
