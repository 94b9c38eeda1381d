using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.Datasets;

/// <summary>
/// The parts of a table read as one CSV file: each part opened in turn as the reader gets to it,
/// the header line of every part after the first skipped. Forward-only; nothing is buffered
/// beyond one read, so a table of many large parts streams in constant memory. Each part is read
/// whole (its header too) through a check of its sha256 against the data package's.
/// </summary>
/// <param name="parts">Each part's store path, its sha256 as listed, and its name for messages.</param>
internal sealed class PartsStream(IDatasetStore store, IReadOnlyList<(string Path, string Sha256, string Name)> parts) : ForwardOnlyReadStream
{
    private int _next;
    private StoredObject? _current;
    private bool _skippingHeader;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (buffer.Length > 0)
        {
            if (_current is null)
            {
                if (_next >= parts.Count)
                {
                    return 0;
                }

                _skippingHeader = _next > 0;
                var (path, sha256, name) = parts[_next];
                var opened = await store.OpenReadAsync(path, cancellationToken)
                    ?? throw new IOException($"{path} is missing from the store.");
                _current = new StoredObject(opened.Info, new Sha256CheckingStream(opened.Content, sha256, name));
                _next++;
            }

            var read = await _current.Content.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                await _current.DisposeAsync();
                _current = null;
                continue;
            }

            if (!_skippingHeader)
            {
                return read;
            }

            var newline = buffer.Span[..read].IndexOf((byte)'\n');
            if (newline < 0)
            {
                continue;
            }

            _skippingHeader = false;
            var rest = read - newline - 1;
            if (rest > 0)
            {
                buffer.Slice(newline + 1, rest).CopyTo(buffer);
                return rest;
            }
        }

        return 0;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current?.Dispose();
            _current = null;
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync();
            _current = null;
        }

        await base.DisposeAsync();
    }
}
