namespace AiEnergyPipeline.Fetch;

/// <summary>
/// Resilience of every source's HTTP client (section <c>Sources:Http</c>). Time-outs cover the
/// wait for response headers: bodies stream afterwards, so a 100 MB file is not cut off by them;
/// a body is guarded by <see cref="BodyIdleTimeout"/>, <see cref="BodyDeadline"/> and <see cref="MaxBodyBytes"/>,
/// and retried whole (<see cref="WholeBodyRetryHandler"/>).
/// </summary>
public sealed class SourceHttpOptions
{
    public const string Section = "Sources:Http";

    public int MaxRetries { get; set; } = 4;

    /// <summary>Base delay of the exponential back-off (with jitter); Retry-After wins when a server sends it.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a body may send nothing before the download counts as stalled.</summary>
    public TimeSpan BodyIdleTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long one body may take in all: a server trickling a line every few seconds never trips
    /// the idle time-out, and would hold a run for ever. Not retried: a slow server stays slow.
    /// </summary>
    public TimeSpan BodyDeadline { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The largest body downloaded (the biggest real file, an EIA-930 half-year, is under 200 MB); a larger one fails its source unretried.</summary>
    public long MaxBodyBytes { get; set; } = 1L << 30;

    /// <summary>How many times a body cut off or stalled mid-way is requested again, on top of the retries of the request itself.</summary>
    public int BodyRetries { get; set; } = 2;
}
