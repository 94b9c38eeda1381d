using AiEnergyPipeline.Tables;
using CsvHelper;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// Writes a ba_hourly CSV file byte for byte as <see cref="TableWriter"/> with <see cref="BaHourlyRows"/>
/// does, but formats straight into a byte buffer and hashes as it writes, for the BALANCE files,
/// whose output is millions of rows. Balancing authority codes are encoded once each by
/// CsvHelper itself, so quoting stays the same whatever a code holds. Hashing and writing the
/// bytes run on background threads (<see cref="HashingFileWriter"/>). Every row of a file has the
/// same <see cref="OriginColumn"/> (one input file), so its text and the line end are one
/// precomputed byte sequence copied at the end of each row.
/// </summary>
public sealed class BaHourlyCsvWriter : IDisposable
{
    private const int MaxRowBytes = 128;

    private static readonly byte[][] SeriesBytes =
        [.. Enum.GetValues<BaSeries>().Select(s => Encoding.UTF8.GetBytes(s.Name()))];

    // ",ok" and the like: the quality column with its separator.
    private static readonly byte[][] QualityBytes =
        [.. Enum.GetValues<DemandQuality>().Select(q => Encoding.UTF8.GetBytes("," + q.Name()))];

    private readonly HashingFileWriter _file;
    // ",fetched\n" and the like: the origin column with its separator, and the line end.
    private readonly byte[] _rowEnd;
    private readonly Dictionary<string, byte[]> _encoded = new(StringComparer.Ordinal);
    // A BALANCE row gives up to four rows of the same hour: its text is made once.
    private readonly byte[] _lastPeriodText = new byte[20];
    private DateTime _lastPeriod = DateTime.MinValue;
    private string? _lastText;
    private byte[] _lastEncoded = [];
    private string? _lastSource;
    private byte[] _lastSourceEncoded = [];

    /// <param name="origin">The <see cref="OriginColumn"/> of every row (<see cref="RowOrigin.Of(Fetch.InputOrigin)"/> of the file).</param>
    public BaHourlyCsvWriter(string path, string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        Path = path;
        _rowEnd = [(byte)',', .. EncodeWithCsvHelper(origin), (byte)'\n'];
        _file = new HashingFileWriter(path);
        Utf8Fields.FormatIsoUtc(_lastPeriod, _lastPeriodText);
        _file.Write(Encoding.UTF8.GetBytes(string.Join(',', Schemas.BaHourly.ColumnNames) + "\n"));
    }

    public string Path { get; }

    public long Rows { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(string ba, DateTime periodEndUtc, BaSeries series, double valueMw, string source, bool? imputed, DemandQuality? quality)
    {
        var baBytes = Encode(ba, ref _lastText, ref _lastEncoded);
        var sourceBytes = Encode(source, ref _lastSource, ref _lastSourceEncoded);
        var need = MaxRowBytes + baBytes.Length + sourceBytes.Length + _rowEnd.Length;
        if (need > _file.ChunkBytes)
        {
            WriteLong(ba, periodEndUtc, series, valueMw, source, imputed, quality);
            return;
        }

        if (periodEndUtc.Ticks != _lastPeriod.Ticks)
        {
            // and the hours of a day share its date
            if (periodEndUtc.Ticks / TimeSpan.TicksPerDay == _lastPeriod.Ticks / TimeSpan.TicksPerDay)
            {
                Utf8Fields.FormatIsoTime(periodEndUtc, _lastPeriodText);
            }
            else
            {
                Utf8Fields.FormatIsoUtc(periodEndUtc, _lastPeriodText);
            }

            _lastPeriod = periodEndUtc;
        }

        var span = _file.GetSpan(need);
        var at = Copy(baBytes, span, 0);
        span[at++] = (byte)',';
        at = Copy(_lastPeriodText, span, at);
        span[at++] = (byte)',';
        at = Copy(SeriesBytes[(int)series], span, at);
        span[at++] = (byte)',';
        at += FormatNumber(valueMw, span[at..]);
        span[at++] = (byte)',';
        at = Copy(sourceBytes, span, at);
        span[at++] = (byte)',';
        if (imputed is { } flag)
        {
            at = Copy(flag ? "true"u8 : "false"u8, span, at);
        }

        if (quality is { } q)
        {
            at = Copy(QualityBytes[(int)q], span, at);
        }
        else
        {
            span[at++] = (byte)',';
        }

        at = Copy(_rowEnd, span, at);
        _file.Advance(at);
        Rows++;
    }

    /// <summary>
    /// A number as CsvHelper writes a double (the shortest text that round-trips): whole numbers
    /// below 10^15, which is most of EIA-930, are written as integers, the same text, faster.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int FormatNumber(double value, Span<byte> destination)
    {
        if (Math.Abs(value) < 1e15 && value == Math.Floor(value) && !(value == 0 && double.IsNegative(value)))
        {
            // The runtime's own integer formatting: about a quarter faster than the digit loop this replaced (docs/performance-e2e.md).
            ((long)value).TryFormat(destination, out var digits, default, CultureInfo.InvariantCulture);
            return digits;
        }

        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>Closes the file and measures it for the data package; the hash was taken as it was written.</summary>
    public StagedTable Complete(string part)
    {
        var (bytes, sha256) = _file.Complete();
        return new StagedTable(Schemas.BaHourly, Path, "csv", Rows, bytes, sha256, StagedTable.DataFolder, part);
    }

    public void Dispose() => _file.Dispose();

    private byte[] Encode(string text, ref string? last, ref byte[] lastEncoded)
    {
        if (ReferenceEquals(text, last))
        {
            return lastEncoded;
        }

        if (!_encoded.TryGetValue(text, out var encoded))
        {
            encoded = EncodeWithCsvHelper(text);
            _encoded[text] = encoded;
        }

        last = text;
        lastEncoded = encoded;
        return encoded;
    }

    /// <summary>The bytes CsvHelper writes for a text field (quoted when it must be), without the line end.</summary>
    private static byte[] EncodeWithCsvHelper(string text)
    {
        using var memory = new MemoryStream();
        using (var csv = CsvWriter.Create(memory, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true))
        {
            csv.WriteField(text);
            csv.EndRecord();
        }

        var bytes = memory.ToArray();
        return bytes[..^1];
    }

    /// <summary>A row whose text does not fit the buffer (a code of thousands of characters): written in pieces.</summary>
    private void WriteLong(string ba, DateTime periodEndUtc, BaSeries series, double valueMw, string source, bool? imputed, DemandQuality? quality)
    {
        Span<byte> scratch = stackalloc byte[MaxRowBytes];
        _file.Write(_encoded[ba]);
        scratch[0] = (byte)',';
        var at = 1 + Utf8Fields.FormatIsoUtc(periodEndUtc, scratch[1..]);
        scratch[at++] = (byte)',';
        at = Copy(SeriesBytes[(int)series], scratch, at);
        scratch[at++] = (byte)',';
        at += FormatNumber(valueMw, scratch[at..]);
        scratch[at++] = (byte)',';
        _file.Write(scratch[..at]);
        _file.Write(_encoded[source]);
        _file.Write(imputed switch { true => ",true"u8, false => ",false"u8, null => ","u8 });
        _file.Write(quality is { } q ? QualityBytes[(int)q] : ","u8);
        _file.Write(_rowEnd);
        Rows++;
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination, int at)
    {
        source.CopyTo(destination[at..]);
        return at + source.Length;
    }
}
