using System.Globalization;
using System.Text;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Sources.Queues;

public sealed class QueueChangeBucketsTests
{
    private const string PreviousRun = "20261101T060000Z-aaaaaa";
    private const string ThisRun = "20261201T060000Z-bbbbbb";

    /// <summary>
    /// Two runs of a few thousand projects in four queues, with every kind of change, duplicate keys,
    /// a queue read without one of its files (SPP) and a queue only the previous run has (CAISO).
    /// </summary>
    private static (List<QueueSnapshotRow> Previous, List<QueueSnapshotRow> Current) Runs()
    {
        var random = new Random(15);
        string[] statuses = ["active", "withdrawn", "operational", "suspended", "retired"];
        QueueSnapshotRow Project(string region, int i) => new(region, $"{region[0]}{i}" + (i % 11 == 0 ? " Phase II" : ""), $"{region[0]}{i}", statuses[random.Next(statuses.Length)],
            random.Next(5) == 0 ? null : Math.Round(random.NextDouble() * 500, 1), random.Next(6) == 0 ? null : new DateOnly(2026 + random.Next(5), 1 + random.Next(12), 1));
        var previous = new List<QueueSnapshotRow>();
        foreach (var region in new[] { "PJM", "NYISO", "SPP", "CAISO" })
        {
            previous.AddRange(Enumerable.Range(0, 900).Select(i => Project(region, i)));
        }

        var current = new List<QueueSnapshotRow>();
        foreach (var row in previous.Where(r => r.Region != "CAISO"))
        {
            var roll = random.Next(10);
            if (roll == 0)
            {
                continue; // left
            }

            current.Add(roll switch
            {
                1 => row with { Status = statuses[random.Next(statuses.Length)] },
                2 => row with { CapacityMw = (row.CapacityMw ?? 1) + 25 },
                3 => row with { Proposed = row.Proposed?.AddMonths(random.Next(-6, 18)) },
                4 => row with { Status = "withdrawn", CapacityMw = 1, Proposed = new DateOnly(2031, 1, 1) },
                _ => row,
            });
            if (roll == 5)
            {
                current.Add(row with { Status = "duplicate, ignored" });
            }
        }

        current.AddRange(Enumerable.Range(900, 300).Select(i => Project(i % 2 == 0 ? "PJM" : "NYISO", i)));
        current[10] = current[10] with { Region = "SPP", Complete = false };
        return (previous, current);
    }

    private static MemoryStream Csv(IEnumerable<QueueSnapshotRow> rows)
    {
        var text = new StringBuilder("region,queue_id,project_key,status,capacity_mw,proposed_completion_date,complete\n");
        foreach (var r in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Region},{r.QueueId},\"{r.Key}\",\"{r.Status}\",{r.CapacityMw?.ToString(CultureInfo.InvariantCulture)},{r.Proposed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)},{(r.Complete ? "true" : "false")}\n");
        }

        return new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static async Task<string[]> LinesAsync(TableWriter writer) =>
        await File.ReadAllLinesAsync((await writer.CompleteAsync(CancellationToken.None)).LocalPath);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public async Task Write_AnyNumberOfBuckets_SameRowsInTheSameOrderAsOneComparison(int buckets)
    {
        var (previous, current) = Runs();
        await using var whole = TableWriter.Create(Repository.NewTempFolder(), Schemas.QueueChanges, OriginColumn.Fetched);
        QueueChangeDetector.Write(whole, previous, current, PreviousRun, ThisRun);
        var expected = await LinesAsync(whole);

        var work = Repository.NewTempFolder();
        await using var bucketed = TableWriter.Create(Repository.NewTempFolder(), Schemas.QueueChanges, OriginColumn.Fetched);
        var (written, notCompared) = QueueChangeBuckets.Write(bucketed, Csv(previous), Csv(current), PreviousRun, ThisRun, work, buckets, CancellationToken.None);
        var actual = await LinesAsync(bucketed);

        Assert.True(expected.Length > 1000, $"{expected.Length} changes");
        Assert.Equal(expected, actual);
        Assert.Equal(expected.Length - 1, written);
        Assert.Equal(["CAISO", "SPP"], notCompared);
        Assert.Equal(QueueChangeDetector.RegionsNotCompared(previous, current), notCompared);
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(QueueChangeBuckets.BytesPerBucket + 1, 2)]
    [InlineData(long.MaxValue / 2, QueueChangeBuckets.MaxBuckets)]
    public void BucketsFor_Bytes_OneBucketPerStepAndAtMostTheMaximum(long bytes, int expected) =>
        Assert.Equal(expected, QueueChangeBuckets.BucketsFor(bytes));
}
