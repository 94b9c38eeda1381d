using AiEnergyPipeline.Sources.Queues;
using System.Text;

namespace AiEnergyPipeline.Tests.Sources.Queues;

public class QueueSnapshotCsvTests
{
    private static List<QueueSnapshotRow> Read(string csv) => QueueSnapshotCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

    [Fact]
    public void Read_CompleteColumn_FalseOnlyWhereTheRunSaysFalse()
    {
        var rows = Read("region,queue_id,status,capacity_mw,proposed_completion_date,project_key,complete\nPJM,A1,active,100,2027-06-01,A1,true\nCAISO,1733,active,50,,1733,false\nSPP,G1,active,,,G1,\n");

        Assert.Equal([("PJM", true), ("CAISO", false), ("SPP", true)], rows.Select(r => (r.Region, r.Complete)));
    }

    [Fact]
    public void Read_RunPublishedBeforeTheCompleteColumn_EveryQueueComplete()
    {
        // Then a failed file failed the whole run, so a published run read every queue whole.
        var rows = Read("region,queue_id,status,capacity_mw,proposed_completion_date\nPJM,A1,active,100,2027-06-01\n");

        Assert.Equal(new QueueSnapshotRow("PJM", "A1", "A1", "active", 100, new DateOnly(2027, 6, 1), true), Assert.Single(rows));
    }
}
