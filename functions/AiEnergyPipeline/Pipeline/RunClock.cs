namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// When a run began and how long it has taken so far. An ingest begins when it is planned, and
/// its partitions may have been processed on other instances since, so its time is the wall
/// clock's since then; never less than this process measured itself, so that a clock that was
/// set back cannot make a run look shorter than the part of it seen here.
/// </summary>
public sealed class RunClock
{
    private readonly TimeProvider _time;
    private readonly long _startedHere;

    public RunClock(DateTimeOffset startedAt, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        StartedAt = startedAt;
        _time = time;
        _startedHere = time.GetTimestamp();
    }

    public DateTimeOffset StartedAt { get; }

    public TimeSpan Elapsed
    {
        get
        {
            var sinceStart = _time.GetUtcNow() - StartedAt;
            var measuredHere = _time.GetElapsedTime(_startedHere);
            return sinceStart < measuredHere ? measuredHere : sinceStart;
        }
    }
}
