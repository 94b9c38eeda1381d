using AiEnergyPipeline.Tables;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace AiEnergyPipeline.Sources.Eia930.ParquetFormat;

/// <summary>
/// Writes ba_hourly rows as Parquet without a general Parquet library: the eight columns and their
/// types are fixed (those of <c>ParquetSchemas.For(Schemas.BaHourly)</c>: every column optional;
/// the five text columns UTF-8 strings written as a dictionary page and RLE/bit-packed indices
/// (quality, empty for other series than demand, with definition levels for its nulls; origin,
/// the same for every row of a file, one RLE run per row group and nothing stored per row),
/// period_end_utc INT64 TIMESTAMP(isAdjustedToUTC=true, MICROS), value_mw DOUBLE, imputed
/// BOOLEAN), pages compressed with the configured codec (<see cref="ParquetCompression"/>), and
/// every column chunk with its statistics (null count, min and max, in the footer) so that readers
/// skip row groups. Rows fill preallocated column arrays of one row group, written
/// as one data page per column when full, so memory is the size of one row group whatever the
/// file's length and no garbage is made per row. The file is hashed and written by background threads (<see cref="HashingFileWriter"/>).
/// </summary>
/// <remarks>
/// Text dictionaries are kept for the whole file (codes in order of first appearance): each row
/// group's dictionary page holds every code seen so far, which Parquet allows, so indices never
/// need remapping. A file has a few dozen balancing authorities, four series, one source and one origin.
/// </remarks>
public sealed partial class BaHourlyParquetWriter : IDisposable
{
    private const int TypeBoolean = 0;
    private const int TypeInt64 = 2;
    private const int TypeDouble = 5;
    private const int TypeByteArray = 6;
    private const int EncodingPlain = 0;
    private const int EncodingRle = 3;
    private const int EncodingRleDictionary = 8;
    private const int PageData = 0;
    private const int PageDictionary = 2;
    private const long UnixEpochTicks = 621355968000000000;

    private static readonly string[] ColumnNames = [.. Schemas.BaHourly.ColumnNames];

    // The physical type of each column of ColumnNames, in order: a column added to the schema and
    // not here stops the writer at its first use rather than writing a footer readers reject.
    private static readonly int[] ColumnTypes = CheckedColumnTypes(
        TypeByteArray, TypeInt64, TypeByteArray, TypeDouble, TypeByteArray, TypeBoolean, TypeByteArray, TypeByteArray);

    private readonly HashingFileWriter _file;
    private readonly TextDictionary _baCodes = new();
    private readonly TextDictionary _seriesNames = new();
    private readonly TextDictionary _sources = new();
    private readonly TextDictionary _qualityNames = new();
    private readonly TextDictionary _origins = new();
    private readonly int[] _ba;
    private readonly long[] _period;
    private readonly int[] _series;
    private readonly double[] _value;
    private readonly int[] _source;
    private readonly int[] _imputedLevel;
    private readonly bool[] _imputed;
    private readonly int[] _qualityLevel;
    private readonly int[] _quality;
    private int _qualityPresent;
    private readonly PageBuffer _page;
    private readonly PageCompressor _compressor;
    private long _chunkUncompressed;
    private readonly ThriftCompactWriter _thrift = new();
    private readonly IReadOnlyDictionary<string, string> _labels;
    private readonly List<RowGroupMeta> _rowGroups = [];
    private int _count;
    private long _position;
    private string? _lastBa;
    private int _lastBaIndex;
    private string? _lastSource;
    private int _lastSourceIndex;

    /// <param name="origin">The <see cref="OriginColumn"/> of every row (<see cref="RowOrigin.Of(Fetch.InputOrigin)"/> of the file).</param>
    /// <param name="labels">Key-value metadata for the footer (<see cref="ParquetLabels"/>).</param>
    public BaHourlyParquetWriter(string path, string origin, int rowGroupRows = BaHourlyParquet.DefaultRowGroupRows, ParquetCompression compression = ParquetCompression.Snappy, IReadOnlyDictionary<string, string>? labels = null)
    {
        _labels = labels ?? ParquetLabels.None;
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        ArgumentNullException.ThrowIfNull(origin);
        Path = path;
        _origins.IndexOf(origin);
        foreach (var series in Enum.GetValues<BaSeries>())
        {
            _seriesNames.IndexOf(series.Name());
        }

        foreach (var quality in Enum.GetValues<DemandQuality>())
        {
            _qualityNames.IndexOf(quality.Name());
        }

        _ba = new int[rowGroupRows];
        _period = new long[rowGroupRows];
        _series = new int[rowGroupRows];
        _value = new double[rowGroupRows];
        _source = new int[rowGroupRows];
        _imputedLevel = new int[rowGroupRows];
        _imputed = new bool[rowGroupRows];
        _qualityLevel = new int[rowGroupRows];
        _quality = new int[rowGroupRows];
        _page = new PageBuffer((rowGroupRows * sizeof(double)) + 64);
        _compressor = new PageCompressor(compression);
        _file = new HashingFileWriter(path);
        Write("PAR1"u8);
    }

    public string Path { get; }

    public long Rows { get; private set; }

    /// <summary>Adds a row; a full row group is written first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string ba, DateTime periodEndUtc, BaSeries series, double valueMw, string source, bool? imputed, DemandQuality? quality)
    {
        if (_count == _ba.Length)
        {
            Flush();
        }

        if (!ReferenceEquals(ba, _lastBa))
        {
            _lastBaIndex = _baCodes.IndexOf(ba);
            _lastBa = ba;
        }

        if (!ReferenceEquals(source, _lastSource))
        {
            _lastSourceIndex = _sources.IndexOf(source);
            _lastSource = source;
        }

        var i = _count++;
        _ba[i] = _lastBaIndex;
        _period[i] = (periodEndUtc.Ticks - UnixEpochTicks) / TimeSpan.TicksPerMicrosecond;
        _series[i] = (int)series;
        _value[i] = valueMw;
        _source[i] = _lastSourceIndex;
        _imputedLevel[i] = imputed.HasValue ? 1 : 0;
        _imputed[i] = imputed == true;
        if (quality is { } q)
        {
            _qualityLevel[i] = 1;
            _quality[_qualityPresent++] = (int)q;
        }
        else
        {
            _qualityLevel[i] = 0;
        }

        Rows++;
    }

    /// <summary>Writes the buffered rows as a row group.</summary>
    public void Flush()
    {
        var n = _count;
        if (n == 0)
        {
            return;
        }

        var start = _position;
        ColumnMeta[] chunks =
        [
            WriteTextColumn(_baCodes, _ba.AsSpan(0, n)),
            WritePlainColumn(TypeInt64, MemoryMarshal.AsBytes(_period.AsSpan(0, n)), n, Int64Statistics(_period.AsSpan(0, n))),
            WriteTextColumn(_seriesNames, _series.AsSpan(0, n)),
            WritePlainColumn(TypeDouble, MemoryMarshal.AsBytes(_value.AsSpan(0, n)), n, DoubleStatistics(_value.AsSpan(0, n))),
            WriteTextColumn(_sources, _source.AsSpan(0, n)),
            WriteBooleanColumn(n),
            WriteOptionalTextColumn(_qualityNames, _qualityLevel.AsSpan(0, n), _quality.AsSpan(0, _qualityPresent)),
            WriteConstantTextColumn(_origins, n),
        ];
        _rowGroups.Add(new RowGroupMeta(start, n, _position - start, chunks));
        _count = 0;
        _qualityPresent = 0;
    }

    /// <summary>Writes the last row group and the footer, closes the file and gives its size and hash for the data package.</summary>
    public StagedTable Complete(string part)
    {
        Flush();
        WriteFooter();
        var (bytes, sha256) = _file.Complete();
        return new StagedTable(Schemas.BaHourly, Path, "parquet", Rows, bytes, sha256, StagedTable.DataFolder, part);
    }

    public void Dispose()
    {
        _file.Dispose();
        _compressor.Dispose();
    }

    private ColumnMeta WriteTextColumn(TextDictionary dictionary, ReadOnlySpan<int> indices)
    {
        var start = _position;
        _chunkUncompressed = 0;
        WriteDictionaryPage(dictionary);
        var dataOffset = _position;
        _page.Length = 0;
        AllPresentLevels(indices.Length);
        WriteIndices(dictionary, indices);
        WritePage(PageData, indices.Length, EncodingRleDictionary);
        return new ColumnMeta(TypeByteArray, start, dataOffset, _position - start, _chunkUncompressed, indices.Length, TextStatistics(dictionary, indices, 0));
    }

    /// <summary>
    /// A text column whose one dictionary entry is every row's value: the indices are a single RLE
    /// run of zeros, written without a per-row array, and min and max are that entry.
    /// </summary>
    private ColumnMeta WriteConstantTextColumn(TextDictionary dictionary, int count)
    {
        var start = _position;
        _chunkUncompressed = 0;
        WriteDictionaryPage(dictionary);
        var dataOffset = _position;
        _page.Length = 0;
        AllPresentLevels(count);
        var bitWidth = HybridEncoder.BitWidthOf(dictionary.Count - 1);
        _page.Byte((byte)bitWidth);
        HybridEncoder.Repeat(_page, 0, count, bitWidth);
        WritePage(PageData, count, EncodingRleDictionary);
        var value = dictionary.Utf8[0];
        return new ColumnMeta(TypeByteArray, start, dataOffset, _position - start, _chunkUncompressed, count, new ColumnStatistics(0, value, value));
    }

    /// <summary>A text column with nulls: definition levels for every row, indices for the present values only.</summary>
    private ColumnMeta WriteOptionalTextColumn(TextDictionary dictionary, ReadOnlySpan<int> levels, ReadOnlySpan<int> presentIndices)
    {
        var start = _position;
        _chunkUncompressed = 0;
        WriteDictionaryPage(dictionary);
        var dataOffset = _position;
        _page.Length = 0;
        var levelsAt = _page.Length;
        _page.GetSpan(4);
        _page.Advance(4);
        HybridEncoder.Encode(_page, levels, 1);
        _page.Int32At(levelsAt, _page.Length - levelsAt - 4);
        WriteIndices(dictionary, presentIndices);
        WritePage(PageData, levels.Length, EncodingRleDictionary);
        return new ColumnMeta(TypeByteArray, start, dataOffset, _position - start, _chunkUncompressed, levels.Length, TextStatistics(dictionary, presentIndices, levels.Length - presentIndices.Length));
    }

    private void WriteDictionaryPage(TextDictionary dictionary)
    {
        _page.Length = 0;
        foreach (var entry in dictionary.Utf8)
        {
            _page.GetSpan(4);
            _page.Int32At(_page.Length, entry.Length);
            _page.Advance(4);
            _page.Write(entry);
        }

        WritePage(PageDictionary, dictionary.Count, EncodingPlain);
    }

    private void WriteIndices(TextDictionary dictionary, ReadOnlySpan<int> indices)
    {
        var bitWidth = HybridEncoder.BitWidthOf(dictionary.Count - 1);
        _page.Byte((byte)bitWidth);
        HybridEncoder.Encode(_page, indices, bitWidth);
    }

    private ColumnMeta WritePlainColumn(int type, ReadOnlySpan<byte> values, int count, ColumnStatistics statistics)
    {
        var start = _position;
        _chunkUncompressed = 0;
        _page.Length = 0;
        AllPresentLevels(count);
        _page.Write(values);
        WritePage(PageData, count, EncodingPlain);
        return new ColumnMeta(type, -1, start, _position - start, _chunkUncompressed, count, statistics);
    }

    private ColumnMeta WriteBooleanColumn(int count)
    {
        var start = _position;
        _chunkUncompressed = 0;
        _page.Length = 0;
        var levelsAt = _page.Length;
        _page.GetSpan(4);
        _page.Advance(4);
        HybridEncoder.Encode(_page, _imputedLevel.AsSpan(0, count), 1);
        _page.Int32At(levelsAt, _page.Length - levelsAt - 4);

        // PLAIN booleans: the present values only, one bit each, least significant first.
        var present = 0;
        for (var i = 0; i < count; i++)
        {
            present += _imputedLevel[i];
        }

        var bits = _page.GetSpan((present + 7) / 8);
        bits.Clear();
        var k = 0;
        var trues = 0;
        for (var i = 0; i < count; i++)
        {
            if (_imputedLevel[i] != 0)
            {
                if (_imputed[i])
                {
                    bits[k >> 3] |= (byte)(1 << (k & 7));
                    trues++;
                }

                k++;
            }
        }

        _page.Advance((present + 7) / 8);
        WritePage(PageData, count, EncodingPlain);
        return new ColumnMeta(TypeBoolean, -1, start, _position - start, _chunkUncompressed, count, BooleanStatistics(count - present, present - trues, trues));
    }

    /// <summary>Definition levels of a page whose values are all present: one RLE run of ones, length-prefixed.</summary>
    private void AllPresentLevels(int count)
    {
        var at = _page.Length;
        _page.GetSpan(4);
        _page.Advance(4);
        HybridEncoder.Repeat(_page, 1, count, 1);
        _page.Int32At(at, _page.Length - at - 4);
    }

    /// <summary>Writes a page header for the body in <see cref="_page"/>, then the body compressed.</summary>
    private void WritePage(int pageType, int values, int encoding)
    {
        var size = _page.Length;
        var body = _compressor.Compress(_page.Written);
        var t = _thrift;
        t.Reset();
        t.I32(1, pageType);
        t.I32(2, size);
        t.I32(3, body.Length);
        if (pageType == PageData)
        {
            t.BeginStruct(5);
            t.I32(1, values);
            t.I32(2, encoding);
            t.I32(3, EncodingRle);
            t.I32(4, EncodingRle);
            t.EndStruct();
        }
        else
        {
            t.BeginStruct(7);
            t.I32(1, values);
            t.I32(2, encoding);
            t.EndStruct();
        }

        t.EndMessage();
        _chunkUncompressed += t.Length + size;
        Write(t.Written);
        Write(body);
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _file.Write(bytes);
        _position += bytes.Length;
    }

    private static int[] CheckedColumnTypes(params int[] types) =>
        types.Length == ColumnNames.Length
            ? types
            : throw new InvalidOperationException($"ba_hourly has {ColumnNames.Length} columns ({string.Join(", ", ColumnNames)}); the Parquet writer knows the types of {types.Length}.");

    private readonly record struct ColumnMeta(int Type, long DictionaryOffset, long DataOffset, long Bytes, long UncompressedBytes, long Values, ColumnStatistics Statistics);

    private sealed record RowGroupMeta(long Offset, long Rows, long Bytes, ColumnMeta[] Columns);
}
