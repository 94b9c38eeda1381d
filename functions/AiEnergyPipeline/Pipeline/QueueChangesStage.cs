using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// Writes queue_changes for an ingest: this run's queue_projects against the one of the run
/// latest.json points to (the previous published run). With nothing published, or a previous run
/// without queue_projects, the table is empty. Only queues both runs read whole are compared; the
/// others are named in a note. A run made from sample files is never compared with one that is not
/// (either way round): the sample's invented projects would show as left or entered. Recomputes copy
/// their ingest's table and never run this stage, so they publish no changes of their own.
/// </summary>
public sealed class QueueChangesStage(IDatasetStore store, RunPublisher publisher)
{
    /// <param name="sample">Whether this run is made from sample files (<see cref="Fetch.RunMode.Sample"/>).</param>
    /// <param name="note">Receives what the report should say of the comparison: the queues it left out and why.</param>
    /// <returns>The staged table, or null when this run has no queue_projects.</returns>
    /// <param name="origin">The <see cref="OriginColumn"/> of this run's queue files: the rows', unless the previous run's is less direct.</param>
    public async Task<StagedTable?> ComputeAsync(string runId, IReadOnlyList<StagedTable> tables, string staging, bool sample, string origin, Action<string> note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        var projects = tables.FirstOrDefault(t => t.IsTable && t.Schema.Name == Schemas.QueueProjects.Name && t.Part is null);
        if (projects is null)
        {
            return null;
        }

        var (latest, _) = await publisher.ReadLatestAsync(cancellationToken);
        // A change is seen between the previous run's projects and this run's: a row is as direct as the less direct of the two.
        var compared = latest is not null && latest.Sample == sample;
        await using var writer = TableWriter.Create(staging, Schemas.QueueChanges, compared ? OriginColumn.Combine([origin, OriginOfRun(latest!.Mode)]) : origin);
        if (latest is not null && latest.Sample != sample)
        {
            note($"{Schemas.QueueChanges.Name}: not compared with run {latest.RunId}: {(latest.Sample ? "that run was" : "this run is")} made from sample files and "
                + $"{(latest.Sample ? "this run is" : "that run was")} not, so every sample project would show as left or entered; the table is empty until the next run of the same kind.");
        }
        else if (latest is not null)
        {
            await using var previous = await store.OpenReadAsync(RunPublisher.TablePath(latest.RunId, Schemas.QueueProjects.Name, "csv"), cancellationToken);
            if (previous is not null)
            {
                // Both tables go through bucket files (QueueChangeBuckets): neither run's projects are held whole.
                await using var current = File.OpenRead(projects.LocalPath);
                var buckets = QueueChangeBuckets.BucketsFor(previous.Info.Length + current.Length);
                var (_, left) = QueueChangeBuckets.Write(writer, previous.Content, current, latest.RunId, runId, staging, buckets, cancellationToken);
                if (left.Count > 0)
                {
                    note($"{Schemas.QueueChanges.Name}: not compared with run {latest.RunId}: {string.Join(", ", left)} (a queue is compared only where both runs read all of its files; "
                        + "one missing from either run, or read without one of its files, would show that file's projects as left or entered).");
                }
            }
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>The origin a run's rows have at most, from its mode (a run published before modes were recorded: live).</summary>
    private static string OriginOfRun(string? mode) => mode switch
    {
        Fetch.RunMode.Sample => OriginColumn.Sample,
        Fetch.RunMode.Recorded => OriginColumn.Recorded,
        _ => OriginColumn.Fetched,
    };
}
