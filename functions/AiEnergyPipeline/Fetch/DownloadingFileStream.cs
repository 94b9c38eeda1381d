using Microsoft.Win32.SafeHandles;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// Reads a <see cref="BodyDestination"/>'s file while the download writes it: never past the bytes
/// the download has written, waiting for more until the body ends. Reads use positioned reads of
/// their own handle, so the writer's position is untouched, and the handle keeps reading the same
/// file when the store moves it into the archive. Every read checks, after reading, that the
/// download did not start again meanwhile (it truncates the file): bytes of an abandoned attempt
/// are never handed on as the body.
/// </summary>
internal sealed class DownloadingFileStream(BodyDestination destination, CancellationToken cancellationToken) : Storage.ForwardOnlyReadStream
{
    private SafeFileHandle? _handle;
    private int _attempt;
    private long _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            var now = destination.Now();
            CheckSameAttempt(now);
            if (now.Written > _position)
            {
                var wanted = (int)Math.Min(buffer.Length, now.Written - _position);
                var read = RandomAccess.Read(Handle(), buffer[..wanted], _position);
                CheckSameAttempt(destination.Now());
                if (read == 0)
                {
                    throw new IOException($"{Path.GetFileName(destination.Path)}: {now.Written} bytes were written but fewer could be read.");
                }

                _position += read;
                return read;
            }

            if (now.Failure is not null)
            {
                throw new IOException($"{Path.GetFileName(destination.Path)}: the download failed while it was being read: {now.Failure}");
            }

            if (now.Ended)
            {
                return 0;
            }

            // Task.Wait rather than a bare event: the thread pool then knows this thread is blocked.
            now.Changed.Wait(cancellationToken);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellation = default)
    {
        while (true)
        {
            var now = destination.Now();
            // Read does not wait in any of these cases.
            if (now.Written > _position || now.Ended || _attempt != 0 && now.Attempt != _attempt)
            {
                return Read(buffer.Span);
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, cancellation);
            await now.Changed.WaitAsync(linked.Token);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _handle?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void CheckSameAttempt(BodyDestination.Progress now)
    {
        if (_attempt == 0)
        {
            _attempt = now.Attempt;
        }

        if (now.Attempt != _attempt)
        {
            throw new BodyRestartedException(destination.Path);
        }
    }

    // Opened at the first read: the body has started, so the file exists.
    private SafeFileHandle Handle() =>
        _handle ??= File.OpenHandle(destination.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
}
