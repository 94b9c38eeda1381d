using System.Diagnostics;

namespace AiEnergyPipeline.Tests;

/// <summary>
/// What a synchronous piece of work allocates on the calling thread, and how long it takes. The
/// thread's own counter is exact and unaffected by tests running in parallel on other threads;
/// what is allocated bounds from above what the work can have held at its peak.
/// </summary>
internal static class AllocationProbe
{
    public const long MaxBytes = 300L << 20;

    /// <summary>A generous sanity bound: a limit that works fails in well under a second or two.</summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(30);

    /// <returns>The exception thrown (null if none), bytes allocated and the time taken.</returns>
    public static (Exception? Error, long AllocatedBytes, TimeSpan Elapsed) Run(Action work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        Exception? error = null;
        try
        {
            work();
        }
        catch (Exception e)
        {
            error = e;
        }

        return (error, GC.GetAllocatedBytesForCurrentThread() - before, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Runs the work, which must throw <typeparamref name="T"/> within <see cref="MaxBytes"/> allocated and <see cref="MaxTime"/>.</summary>
    public static T Throws<T>(Action work) where T : Exception
    {
        var (error, allocated, elapsed) = Run(work);
        var thrown = Assert.IsType<T>(error);
        Assert.True(allocated < MaxBytes, $"{allocated >> 20} MB allocated: {thrown.Message}");
        Assert.True(elapsed < MaxTime, $"{elapsed.TotalSeconds:0.0} s: {thrown.Message}");
        return thrown;
    }
}
