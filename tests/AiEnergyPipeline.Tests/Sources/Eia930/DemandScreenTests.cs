using AiEnergyPipeline.Sources.Eia930;

namespace AiEnergyPipeline.Tests.Sources.Eia930;

public class DemandScreenTests
{
    private static readonly DateTime Start = new(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    private static DemandQuality[] Screen(params double[] values) =>
        DemandScreen.ScreenAll(values.Select((v, i) => (Start.AddHours(i), v)).ToList());

    [Fact]
    public void Screen_ZeroAndBelow_AreNegative()
    {
        Assert.Equal([DemandQuality.Ok, DemandQuality.Negative, DemandQuality.Negative, DemandQuality.Ok], Screen(1000, 0, -2030, 1010));
    }

    [Fact]
    public void Screen_RunOfIdenticalValues_FlagsTheThirdHourAndLater()
    {
        // as Ruggles et al.'s IDENTICAL_RUN: the first two hours of a run are kept
        Assert.Equal(
            [DemandQuality.Ok, DemandQuality.Ok, DemandQuality.Ok, DemandQuality.Stuck, DemandQuality.Stuck, DemandQuality.Ok],
            Screen(990, 997, 997, 997, 997, 1004));
    }

    [Fact]
    public void Screen_IdenticalValuesAcrossAMissingHour_AreNotAStuckRun()
    {
        var hours = new List<(DateTime, double)> { (Start, 997), (Start.AddHours(1), 997), (Start.AddHours(3), 997) };

        Assert.All(DemandScreen.ScreenAll(hours), q => Assert.Equal(DemandQuality.Ok, q));
    }

    [Fact]
    public void Screen_HourBeyondBothNeighbours_IsASpikeUpOrDown()
    {
        // 1,638 amid 1,388 and 1,395 (SCL, 2021-02-18T21, a DELTA): 243 MW over the higher, 17% of their mean
        Assert.Equal([DemandQuality.Ok, DemandQuality.Ok, DemandQuality.Spike, DemandQuality.Ok], Screen(1390, 1388, 1638, 1395));
        Assert.Equal([DemandQuality.Ok, DemandQuality.Ok, DemandQuality.Spike, DemandQuality.Ok], Screen(1300, 1280, 790, 1306));
    }

    [Fact]
    public void Screen_DailyPeakALittleAboveBothNeighbours_IsOk()
    {
        Assert.All(Screen(80_000, 84_000, 85_544, 84_900, 82_000), q => Assert.Equal(DemandQuality.Ok, q));
    }

    [Fact]
    public void Screen_LastHourWithoutItsNext_IsJudgedByTheOtherScreens()
    {
        // at the end of a file the neighbour test cannot run: 1,638 after 1,388 stands
        Assert.Equal(DemandQuality.Ok, Screen(1390, 1388, 1638)[^1]);
        Assert.Equal(DemandQuality.Negative, Screen(1390, 1388, -1)[^1]);
    }

    [Fact]
    public void Screen_SeveralHoursFarFromTheRecentMedian_AreSpikes()
    {
        // PJM 2021-10-19: three hours of 1.5e9, 2.1e9 and 4.3e8 MW after a day near 80,000 MW
        var day = Enumerable.Range(0, 24).Select(i => 80_000.0 + (i * 100)).ToList();
        var values = day.Concat([1_527_760_000, 2_147_480_000, 431_044_000, 68_841, 68_180]).ToArray();

        var qualities = Screen(values);

        Assert.All(qualities.Take(24), q => Assert.Equal(DemandQuality.Ok, q));
        Assert.Equal([DemandQuality.Spike, DemandQuality.Spike, DemandQuality.Spike, DemandQuality.Ok, DemandQuality.Ok], qualities[24..]);
    }

    [Fact]
    public void Screen_TwoLowHoursInARow_AreSpikesByTheMedian()
    {
        // SCL 2021-12-11: 224 and 254 MW amid about 1,300 MW; each has one low neighbour
        var day = Enumerable.Repeat(1_300.0, 20).Select((v, i) => v + i).ToList();
        var values = day.Concat([224, 254, 1094, 1070]).ToArray();

        Assert.Equal([DemandQuality.Spike, DemandQuality.Spike, DemandQuality.Ok, DemandQuality.Ok], Screen(values)[20..]);
    }

    [Theory]
    [InlineData(DemandQuality.Ok, "ok")]
    [InlineData(DemandQuality.Negative, "negative")]
    [InlineData(DemandQuality.Spike, "spike")]
    [InlineData(DemandQuality.Stuck, "stuck")]
    public void Name_EveryQuality_RoundTrips(DemandQuality quality, string name)
    {
        Assert.Equal(name, quality.Name());
        Assert.Equal(quality, DemandQualityNames.Parse(name));
    }
}
