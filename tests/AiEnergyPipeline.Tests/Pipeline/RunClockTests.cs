using AiEnergyPipeline.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.Tests.Pipeline;

public class RunClockTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Elapsed_PlannedEarlierElsewhere_IsTheTimeSinceThePlan()
    {
        var time = new FakeTimeProvider(Now);
        var clock = new RunClock(Now.AddMinutes(-5), time);

        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(Now.AddMinutes(-5), clock.StartedAt);
        Assert.Equal(TimeSpan.FromMinutes(5.5), clock.Elapsed);
    }

    [Fact]
    public void Elapsed_PlannedByAnInstanceWhoseClockIsAhead_IsNeverLessThanMeasuredHere()
    {
        var time = new FakeTimeProvider(Now);
        var clock = new RunClock(Now.AddMinutes(1), time);

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(10), clock.Elapsed);
    }
}
