using AiEnergyPipeline.Publish;

namespace AiEnergyPipeline.Tests.Publish;

public sealed class RecentRunIndexTests
{
    private static string Id(int hour) => $"20261127T{hour:00}0000Z-ab12cd";

    [Fact]
    public void With_RunsAddedOutOfOrderAndTwice_NewestFirstOnce()
    {
        var index = new RecentRunIndex([]).With(Id(2)).With(Id(1)).With(Id(3)).With(Id(2));

        Assert.Equal([Id(3), Id(2), Id(1)], index.RunIds);
    }

    [Fact]
    public void With_MoreThanMax_KeepsTheNewest()
    {
        var index = new RecentRunIndex([]);
        for (var minute = 0; minute < RecentRunIndex.MaxRuns + 5; minute++)
        {
            index = index.With($"20261127T06{minute:00}00Z-ab12cd");
        }

        Assert.Equal(RecentRunIndex.MaxRuns, index.RunIds.Count);
        Assert.Equal($"20261127T06{RecentRunIndex.MaxRuns + 4:00}00Z-ab12cd", index.RunIds[0]);
        Assert.Equal("20261127T060500Z-ab12cd", index.RunIds[^1]);
    }

    [Fact]
    public void With_IdThatIsNoRunId_LeftOut()
    {
        var index = new RecentRunIndex(["../../latest", Id(1)]).With("x");

        Assert.Equal([Id(1)], index.RunIds);
    }
}
