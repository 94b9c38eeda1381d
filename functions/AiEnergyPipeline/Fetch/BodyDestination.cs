namespace AiEnergyPipeline.Fetch;

/// <summary>
/// Where a request's body is to be downloaded: set in the request's options by a caller that
/// archives the body (<see cref="HttpFileFetcher"/>), read by <see cref="WholeBodyRetryHandler"/>,
/// which then downloads it into <see cref="Path"/> (each retry from the start) while hashing it, and
/// says so here. The bytes are so written once: no temporary copy, then a copy into the archive.
/// It also says how far the download has got, so that the file can be read while it arrives
/// (<see cref="OpenWhileDownloading"/>): a normaliser then works beside the download rather than after it.
/// </summary>
public sealed class BodyDestination(string path)
{
    public static readonly HttpRequestOptionsKey<BodyDestination> Key = new("AiEnergyPipeline.BodyDestination");

    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _attempt;
    private long _written;
    private bool _ended;
    private string? _failure;

    public string Path { get; } = path;

    /// <summary>The lower-case hex SHA-256 of the whole body, once it is complete in <see cref="Path"/>; else null.</summary>
    public string? Sha256 { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>The whole body is in <see cref="Path"/>: the response's content reads that file.</summary>
    public bool IsComplete => Sha256 is not null;

    /// <summary>
    /// Completes when a successful response's body starts to arrive in <see cref="Path"/>, or when
    /// the download ended without one (then <see cref="HasBody"/> is false). Never faults.
    /// </summary>
    public Task BodyStarted => _started.Task;

    /// <summary>A body started to arrive (an attempt began writing <see cref="Path"/>).</summary>
    public bool HasBody
    {
        get
        {
            lock (_gate)
            {
                return _attempt > 0;
            }
        }
    }

    /// <summary>
    /// A stream of the body as it arrives: a read waits for bytes not yet written and ends with the
    /// body. A read throws <see cref="BodyRestartedException"/> when the download starts again
    /// (a body cut off is requested again and rewritten from its start), and
    /// <see cref="IOException"/> when the download failed.
    /// </summary>
    /// <param name="cancellationToken">Ends a wait for bytes: the caller gave up on this download.</param>
    public Stream OpenWhileDownloading(CancellationToken cancellationToken) => new DownloadingFileStream(this, cancellationToken);

    /// <summary>An attempt is about to (re)write <see cref="Path"/> from its start: readers of an earlier attempt must stop.</summary>
    internal void BeginAttempt()
    {
        lock (_gate)
        {
            _attempt++;
            _written = 0;
        }

        Signal();
    }

    /// <summary>
    /// Where the body's bytes come from (a snapshot's sample or recording, or a fetch), known with
    /// the response's headers: a reader of the body as it arrives labels its outputs as a reader of
    /// the archived file would.
    /// </summary>
    public InputOrigin Origin { get; private set; } = InputOrigin.Fetched;

    /// <summary>The file of the current attempt exists: readers may open it.</summary>
    internal void BodyOpened(InputOrigin origin)
    {
        Origin = origin;
        _started.TrySetResult();
    }

    /// <summary><paramref name="bytes"/> bytes of the current attempt are written to the file (not held in a buffer).</summary>
    internal void Advance(long bytes)
    {
        lock (_gate)
        {
            _written = bytes;
        }

        Signal();
    }

    internal void Complete(string sha256, long bytes)
    {
        lock (_gate)
        {
            Sha256 = sha256;
            Bytes = bytes;
            _written = bytes;
            _ended = true;
        }

        _started.TrySetResult();
        Signal();
    }

    /// <summary>The download ended without a whole body (failed, refused, or not a success).</summary>
    internal void Abandon(string reason)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            _failure = reason;
        }

        _started.TrySetResult();
        Signal();
    }

    /// <summary>Where the download stands, and a task that completes at its next change.</summary>
    internal Progress Now()
    {
        lock (_gate)
        {
            return new Progress(_attempt, _written, _ended, _failure, _changed.Task);
        }
    }

    internal readonly record struct Progress(int Attempt, long Written, bool Ended, string? Failure, Task Changed);

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>The destination the request asks for, or null (the body then goes to a temporary file).</summary>
    public static BodyDestination? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var destination) ? destination : null;
}
