using AiEnergyPipeline.Pipeline.Sweep;

namespace AiEnergyPipeline.Tests.Pipeline.Sweep;

public class RunRetentionTests
{
    private static CompleteRun Run(string day, string? from = null) => new($"{day}T060000Z-abcdef", from is null ? null : $"{from}T060000Z-abcdef");

    [Fact]
    public void Keep_NewestMonthlyLatestAndRecomputeSources_AreKeptAndNothingElse()
    {
        CompleteRun[] runs =
        [
            Run("20250105"), Run("20250120"), Run("20250210"), Run("20250215"), Run("20250301"),
            Run("20250302"), Run("20250303", from: "20250105"),
        ];

        var keep = RunRetention.Keep(runs, latestRunId: "20250210T060000Z-abcdef", keepLatest: 2, keepMonthly: true);

        Assert.Equal(
            ["20250105T060000Z-abcdef", "20250120T060000Z-abcdef", "20250210T060000Z-abcdef", "20250215T060000Z-abcdef", "20250302T060000Z-abcdef", "20250303T060000Z-abcdef"],
            keep.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(RunRetention.Latest, keep["20250210T060000Z-abcdef"]);
        Assert.Equal("the last run of 2025-01", keep["20250120T060000Z-abcdef"]);
        Assert.Equal("run 20250303T060000Z-abcdef was recomputed from it", keep["20250105T060000Z-abcdef"]);
    }

    [Fact]
    public void Keep_MonthlyOff_KeepsOnlyTheNewestAndLatest()
    {
        CompleteRun[] runs = [Run("20250105"), Run("20250120"), Run("20250210")];

        var keep = RunRetention.Keep(runs, latestRunId: null, keepLatest: 1, keepMonthly: false);

        Assert.Equal(["20250210T060000Z-abcdef"], keep.Keys);
    }

    [Fact]
    public void Keep_ChainOfRecomputes_KeepsEveryAncestor()
    {
        CompleteRun[] runs = [Run("20250101"), Run("20250102", from: "20250101"), Run("20250103", from: "20250102"), Run("20250104")];

        var keep = RunRetention.Keep(runs, latestRunId: "20250103T060000Z-abcdef", keepLatest: 1, keepMonthly: false);

        Assert.Equal(["20250101T060000Z-abcdef", "20250102T060000Z-abcdef", "20250103T060000Z-abcdef", "20250104T060000Z-abcdef"], keep.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Keep_IdNotARunId_IsKept()
    {
        var keep = RunRetention.Keep([new CompleteRun("hand-made", null), Run("20250101"), Run("20250102")], null, 1, false);

        Assert.Contains("hand-made", keep.Keys);
        Assert.DoesNotContain("20250101T060000Z-abcdef", keep.Keys);
    }
}
