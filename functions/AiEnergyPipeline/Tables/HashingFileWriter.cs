using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;

namespace AiEnergyPipeline.Tables;

/// <summary>
/// A file written in large chunks that two background threads take as they fill: one hashes
/// them (SHA-256, for the data package) and one writes them, so neither costs the thread that
/// formats. A fixed pool of chunks bounds memory: when all are in flight the caller waits.
/// Errors of either thread are raised to the caller at its next chunk or at <see cref="Complete"/>.
/// </summary>
internal sealed class HashingFileWriter : IDisposable
{
    private const int DefaultChunkBytes = 1 << 20;
    private const int DefaultChunks = 6;

    private readonly FileStream _file;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly BlockingCollection<Chunk> _free;
    private readonly BlockingCollection<Chunk> _toHash;
    private readonly BlockingCollection<Chunk> _toWrite;
    private readonly Thread _hasher;
    private readonly Thread _writer;
    private Chunk _current;
    private long _submitted;
    private volatile ExceptionDispatchInfo? _failure;
    private bool _stopped;

    public HashingFileWriter(string path, int chunkBytes = DefaultChunkBytes, int chunks = DefaultChunks)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
        _free = new BlockingCollection<Chunk>(new ConcurrentQueue<Chunk>(), chunks);
        _toHash = new BlockingCollection<Chunk>(new ConcurrentQueue<Chunk>(), chunks);
        _toWrite = new BlockingCollection<Chunk>(new ConcurrentQueue<Chunk>(), chunks);
        for (var i = 1; i < chunks; i++)
        {
            _free.Add(new Chunk(chunkBytes));
        }

        _current = new Chunk(chunkBytes);
        _hasher = Start(() => Drain(_toHash, c => _sha256.AppendData(c.Data, 0, c.Length)), "ba_hourly hash");
        _writer = Start(() => Drain(_toWrite, c => _file.Write(c.Data, 0, c.Length)), "ba_hourly write");
    }

    /// <summary>Bytes written so far, including those not yet handed over.</summary>
    public long Position => _submitted + _current.Length;

    public int ChunkBytes => _current.Data.Length;

    /// <summary>Room for at least <paramref name="count"/> bytes (at most <see cref="ChunkBytes"/>); count what was used with <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int count)
    {
        if (_current.Length + count > _current.Data.Length)
        {
            Submit();
        }

        return _current.Data.AsSpan(_current.Length);
    }

    public void Advance(int count) => _current.Length += count;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_current.Length == _current.Data.Length)
            {
                Submit();
            }

            var n = Math.Min(bytes.Length, _current.Data.Length - _current.Length);
            bytes[..n].CopyTo(_current.Data.AsSpan(_current.Length));
            _current.Length += n;
            bytes = bytes[n..];
        }
    }

    /// <summary>Hands over what is left, waits for both threads and closes the file: its length and SHA-256 (lower-case hex).</summary>
    public (long Bytes, string Sha256) Complete()
    {
        if (_current.Length > 0)
        {
            Submit();
        }

        Stop();
        _failure?.Throw();
        _file.Dispose();
        return (_submitted, Convert.ToHexStringLower(_sha256.GetHashAndReset()));
    }

    public void Dispose()
    {
        Stop();
        _file.Dispose();
        _sha256.Dispose();
        _free.Dispose();
        _toHash.Dispose();
        _toWrite.Dispose();
    }

    private void Submit()
    {
        _failure?.Throw();
        var chunk = _current;
        _submitted += chunk.Length;
        chunk.Pending = 2;
        _toHash.Add(chunk);
        _toWrite.Add(chunk);
        _current = _free.Take();
        _current.Length = 0;
        _failure?.Throw();
    }

    private void Stop()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        _toHash.CompleteAdding();
        _toWrite.CompleteAdding();
        _hasher.Join();
        _writer.Join();
    }

    private static Thread Start(Action work, string name)
    {
        var thread = new Thread(() => work()) { IsBackground = true, Name = name };
        thread.Start();
        return thread;
    }

    /// <summary>Works through the chunks; after a failure, only passes them on, so the caller never waits forever.</summary>
    private void Drain(BlockingCollection<Chunk> queue, Action<Chunk> work)
    {
        foreach (var chunk in queue.GetConsumingEnumerable())
        {
            if (_failure is null)
            {
                try
                {
                    work(chunk);
                }
                catch (Exception e)
                {
                    _failure ??= ExceptionDispatchInfo.Capture(e);
                }
            }

            if (Interlocked.Decrement(ref chunk.Pending) == 0)
            {
                _free.Add(chunk);
            }
        }
    }

    private sealed class Chunk(int bytes)
    {
        public byte[] Data { get; } = new byte[bytes];

        public int Length { get; set; }

        public int Pending;
    }
}
