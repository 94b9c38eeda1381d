using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// queue_changes from two queue_projects CSVs without holding either: each run's rows are spilled to
/// bucket files by a stable hash of (region, key), so that a project's rows of both runs share a
/// bucket; each bucket pair is compared in memory (<see cref="QueueChangeDetector.Compare"/>) and its
/// changes spilled in table order; a merge of the buckets' changes by their place in the table writes
/// the rows in the order one comparison of the whole tables would. Memory: one bucket of each run.
/// </summary>
public static class QueueChangeBuckets
{
    /// <summary>About this much of the two CSVs per bucket: a bucket's rows in memory stay a few times that.</summary>
    public const long BytesPerBucket = 4L * 1024 * 1024;

    public const int MaxBuckets = 512;

    public static int BucketsFor(long csvBytes) => (int)Math.Clamp((csvBytes + BytesPerBucket - 1) / BytesPerBucket, 1, MaxBuckets);

    /// <param name="workFolder">Where the bucket files go; removed before returning.</param>
    /// <returns>The rows written and the queues left out of the comparison (<see cref="QueueChangeDetector.RegionsNotCompared"/>).</returns>
    public static (long Written, IReadOnlyList<string> NotCompared) Write(
        TableWriter writer, Stream previous, Stream current, string previousRunId, string runId, string workFolder, int buckets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var folder = Path.Combine(workFolder, "queue-changes-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var before = Spill(QueueSnapshotCsv.ReadRows(previous), Path.Combine(folder, "previous"), buckets, cancellationToken);
            var now = Spill(QueueSnapshotCsv.ReadRows(current), Path.Combine(folder, "current"), buckets, cancellationToken);
            var compared = new HashSet<string>(before.Regions, StringComparer.Ordinal);
            compared.IntersectWith(now.Regions);
            compared.ExceptWith(before.Incomplete);
            compared.ExceptWith(now.Incomplete);
            var notCompared = before.Regions.Concat(now.Regions).Where(r => !compared.Contains(r)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

            var changeFiles = new List<string>();
            for (var bucket = 0; bucket < buckets; bucket++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = Path.Combine(folder, $"changes-{bucket}");
                using (var output = new BinaryWriter(File.Create(path)))
                {
                    QueueChangeDetector.Compare(
                        ReadBucket(Path.Combine(folder, "previous"), bucket, compared),
                        ReadBucket(Path.Combine(folder, "current"), bucket, compared),
                        change => WriteChange(output, change));
                }

                changeFiles.Add(path);
            }

            return (Merge(writer, changeFiles, previousRunId, runId), notCompared);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>FNV-1a over the region and key: the same bucket in every process, unlike string.GetHashCode.</summary>
    public static int BucketOf(string region, string key, int buckets)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in region + "\0" + key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (int)(hash % (ulong)buckets);
    }

    private sealed record Spilled(HashSet<string> Regions, HashSet<string> Incomplete);

    private static Spilled Spill(IEnumerable<QueueSnapshotRow> rows, string prefix, int buckets, CancellationToken cancellationToken)
    {
        var writers = new BinaryWriter[buckets];
        var regions = new HashSet<string>(StringComparer.Ordinal);
        var incomplete = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            for (var bucket = 0; bucket < buckets; bucket++)
            {
                writers[bucket] = new BinaryWriter(new BufferedStream(File.Create($"{prefix}-{bucket}"), 16 * 1024));
            }

            long sequence = 0;
            foreach (var row in rows)
            {
                if (sequence % 4096 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                regions.Add(row.Region);
                if (!row.Complete)
                {
                    incomplete.Add(row.Region);
                }

                var output = writers[BucketOf(row.Region, row.Key, buckets)];
                output.Write(sequence++);
                output.Write(row.Region);
                output.Write(row.Key);
                output.Write(row.QueueId);
                output.Write(row.Status);
                output.Write(row.CapacityMw.HasValue);
                output.Write(row.CapacityMw ?? 0);
                output.Write(row.Proposed.HasValue);
                output.Write(row.Proposed?.DayNumber ?? 0);
                output.Write(row.Complete);
            }
        }
        finally
        {
            foreach (var output in writers)
            {
                output?.Dispose();
            }
        }

        return new Spilled(regions, incomplete);
    }

    private static List<(QueueSnapshotRow Row, long Sequence)> ReadBucket(string prefix, int bucket, IReadOnlySet<string> compared)
    {
        var rows = new List<(QueueSnapshotRow, long)>();
        using var input = new BinaryReader(new BufferedStream(File.OpenRead($"{prefix}-{bucket}"), 16 * 1024));
        while (input.BaseStream.Position < input.BaseStream.Length)
        {
            var sequence = input.ReadInt64();
            var region = input.ReadString();
            var key = input.ReadString();
            var queueId = input.ReadString();
            var status = input.ReadString();
            var hasCapacity = input.ReadBoolean();
            var capacity = input.ReadDouble();
            var hasProposed = input.ReadBoolean();
            var proposed = input.ReadInt32();
            var complete = input.ReadBoolean();
            if (compared.Contains(region))
            {
                rows.Add((new QueueSnapshotRow(region, key, queueId, status, hasCapacity ? capacity : null, hasProposed ? DateOnly.FromDayNumber(proposed) : null, complete), sequence));
            }
        }

        return rows;
    }

    private static void WriteChange(BinaryWriter output, QueueChange change)
    {
        output.Write(change.Phase);
        output.Write(change.Sequence);
        output.Write(change.Step);
        output.Write(change.Region);
        output.Write(change.Key);
        output.Write(change.QueueId);
        output.Write(change.Change);
        output.Write(change.From);
        output.Write(change.To);
        output.Write(change.Months.HasValue);
        output.Write(change.Months ?? 0);
    }

    private static QueueChange? ReadChange(BinaryReader input)
    {
        if (input.BaseStream.Position >= input.BaseStream.Length)
        {
            return null;
        }

        var (phase, sequence, step) = (input.ReadInt32(), input.ReadInt64(), input.ReadInt32());
        var (region, key, queueId) = (input.ReadString(), input.ReadString(), input.ReadString());
        var (change, from, to) = (input.ReadString(), input.ReadString(), input.ReadString());
        var hasMonths = input.ReadBoolean();
        var months = input.ReadInt32();
        return new QueueChange(phase, sequence, step, region, key, queueId, change, from, to, hasMonths ? months : null);
    }

    /// <summary>The buckets' changes, each file already in table order, merged into one table order.</summary>
    private static long Merge(TableWriter writer, IReadOnlyList<string> files, string previousRunId, string runId)
    {
        var readers = files.Select(f => new BinaryReader(new BufferedStream(File.OpenRead(f), 16 * 1024))).ToList();
        try
        {
            var next = new PriorityQueue<(QueueChange Change, int Reader), (int, long, int)>();
            for (var i = 0; i < readers.Count; i++)
            {
                if (ReadChange(readers[i]) is { } first)
                {
                    next.Enqueue((first, i), (first.Phase, first.Sequence, first.Step));
                }
            }

            long written = 0;
            while (next.TryDequeue(out var item, out _))
            {
                QueueChangeDetector.WriteRow(writer, item.Change, previousRunId, runId);
                written++;
                if (ReadChange(readers[item.Reader]) is { } following)
                {
                    next.Enqueue((following, item.Reader), (following.Phase, following.Sequence, following.Step));
                }
            }

            return written;
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }
}
