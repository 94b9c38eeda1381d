namespace AiEnergyPipeline.Tests;

/// <summary>
/// What a synchronous piece of work allocates on the calling thread. The thread's own counter is
/// exact and unaffected by tests running in parallel on other threads; what is allocated bounds
/// from above what the work can have held at its peak, and how much it can have read. (Time is not
/// measured here: performance belongs in the benchmark, and a bound on the work is a bound on time.)
/// </summary>
internal static class AllocationProbe
{
    public const long MaxBytes = 300L << 20;

    /// <returns>The exception thrown (null if none) and the bytes allocated.</returns>
    public static (Exception? Error, long AllocatedBytes) Run(Action work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        Exception? error = null;
        try
        {
            work();
        }
        catch (Exception e)
        {
            error = e;
        }

        return (error, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>Runs the work, which must throw <typeparamref name="T"/> within <see cref="MaxBytes"/> allocated.</summary>
    public static T Throws<T>(Action work) where T : Exception
    {
        var (error, allocated) = Run(work);
        var thrown = Assert.IsType<T>(error);
        Assert.True(allocated < MaxBytes, $"{allocated >> 20} MB allocated: {thrown.Message}");
        return thrown;
    }
}
