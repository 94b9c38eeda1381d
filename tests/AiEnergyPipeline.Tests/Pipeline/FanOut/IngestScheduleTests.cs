using AiEnergyPipeline.Pipeline.FanOut;

namespace AiEnergyPipeline.Tests.Pipeline.FanOut;

public class IngestScheduleTests
{
    private static readonly IngestSchedule Daily = new("0 0 6 * * *");

    [Fact]
    public void OccurrenceKey_TwoFiringsOfOneOccurrence_NameTheSameOccurrence()
    {
        var first = Daily.OccurrenceKey(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero));
        var second = Daily.OccurrenceKey(new DateTimeOffset(2026, 11, 27, 6, 0, 40, TimeSpan.Zero));

        Assert.Equal("timer-20261127T060000Z", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void OccurrenceKey_PastDueFiringBeforeTheNextOccurrence_NamesTheMissedOne()
    {
        var key = Daily.OccurrenceKey(new DateTimeOffset(2026, 11, 28, 5, 59, 0, TimeSpan.Zero));

        Assert.Equal("timer-20261127T060000Z", key);
    }

    [Fact]
    public void OccurrenceKey_NextDay_NamesANewOccurrence()
    {
        var key = Daily.OccurrenceKey(new DateTimeOffset(2026, 11, 28, 6, 0, 1, TimeSpan.Zero));

        Assert.Equal("timer-20261128T060000Z", key);
    }

    [Fact]
    public void OccurrenceKey_NoReadableSchedule_NamesTheMinute()
    {
        var key = new IngestSchedule("not a schedule").OccurrenceKey(new DateTimeOffset(2026, 11, 27, 6, 7, 59, TimeSpan.Zero));

        Assert.Equal("timer-20261127T060700Z", key);
    }
}
