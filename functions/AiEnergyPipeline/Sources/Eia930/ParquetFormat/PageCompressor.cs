using AiEnergyPipeline.Tables;
using Snappier;
using ZstdSharp;

namespace AiEnergyPipeline.Sources.Eia930.ParquetFormat;

/// <summary>
/// Compresses one page body at a time into a buffer it reuses, with the codec Parquet names
/// <see cref="Codec"/> in the column chunk's metadata. Zstandard at level 3, DuckDB's level.
/// </summary>
internal sealed class PageCompressor : IDisposable
{
    private const int ZstdLevel = 3;

    private readonly ParquetCompression _compression;
    private readonly Compressor? _zstd;
    private byte[] _output = new byte[1 << 16];

    public PageCompressor(ParquetCompression compression)
    {
        _compression = compression;
        _zstd = compression == ParquetCompression.Zstd ? new Compressor(ZstdLevel) : null;
        Codec = compression switch
        {
            ParquetCompression.Snappy => 1,
            ParquetCompression.Zstd => 6,
            _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "no such Parquet codec."),
        };
    }

    /// <summary>Parquet's CompressionCodec: SNAPPY 1, ZSTD 6.</summary>
    public int Codec { get; }

    /// <summary>The compressed bytes of <paramref name="page"/>, valid until the next call.</summary>
    public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> page)
    {
        var bound = _compression == ParquetCompression.Snappy ? Snappy.GetMaxCompressedLength(page.Length) : Compressor.GetCompressBound(page.Length);
        if (_output.Length < bound)
        {
            _output = new byte[Math.Max(bound, _output.Length * 2)];
        }

        var length = _zstd is { } zstd ? zstd.Wrap(page, _output) : Snappy.Compress(page, _output);
        return _output.AsSpan(0, length);
    }

    public void Dispose() => _zstd?.Dispose();
}
