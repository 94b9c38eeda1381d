using AiEnergyPipeline.Tables;
using Parquet;
using Parquet.Schema;

namespace AiEnergyPipeline.Normalise;

/// <summary>
/// The ba_hourly table as Parquet, with the type mapping every table's Parquet uses: string to
/// string, number to double, boolean to bool, datetime to a timestamp adjusted to UTC (in
/// microseconds; DuckDB reads it as TIMESTAMP WITH TIME ZONE), every column nullable.
/// </summary>
public static class BaHourlyParquet
{
    /// <summary>
    /// Rows per row group: bounds the column buffers (about 14 MB) and Parquet.Net's working
    /// memory per group (a few times that) whatever the file's length. Larger groups were no
    /// faster and let the peak wander more with the collector's timing.
    /// </summary>
    public const int DefaultRowGroupRows = 1 << 17;

    public static DataField BalancingAuthorityCode { get; } = new DataField<string>("balancing_authority_code", true);

    public static DataField PeriodEndUtc { get; } = new DateTimeDataField("period_end_utc", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true);

    public static DataField Series { get; } = new DataField<string>("series", true);

    public static DataField ValueMw { get; } = new DataField<double?>("value_mw", true);

    public static DataField Source { get; } = new DataField<string>("source", true);

    public static DataField Imputed { get; } = new DataField<bool?>("imputed", true);

    /// <summary>The text columns, whose few distinct values are written as a dictionary.</summary>
    public static IReadOnlyList<DataField> DictionaryColumns { get; } = [BalancingAuthorityCode, Series, Source];

    /// <summary>The columns in the order of <see cref="Schemas.BaHourly"/>.</summary>
    public static ParquetSchema Schema { get; } = new(BalancingAuthorityCode, PeriodEndUtc, Series, ValueMw, Source, Imputed);
}

/// <summary>
/// Writes ba_hourly rows to a Parquet file: rows fill preallocated column arrays, and a full set
/// is written as one row group, so memory stays the size of one row group.
/// </summary>
public sealed class BaHourlyParquetWriter : IAsyncDisposable
{
    private static readonly ReadOnlyMemory<char>?[] SeriesNames = [.. Enum.GetValues<BaSeries>().Select(s => (ReadOnlyMemory<char>?)s.Name().AsMemory())];

    private readonly FileStream _file;
    private readonly ParquetWriter _writer;
    // Text as ReadOnlyMemory<char>, the form Parquet.Net writes: handing it strings would make it
    // allocate a converted copy of every column of every row group.
    private readonly ReadOnlyMemory<char>?[] _ba;
    private readonly DateTime?[] _period;
    private readonly ReadOnlyMemory<char>?[] _series;
    private readonly double?[] _value;
    private readonly ReadOnlyMemory<char>?[] _source;
    private readonly bool?[] _imputed;
    private int _count;
    private bool _completed;

    private BaHourlyParquetWriter(string path, FileStream file, ParquetWriter writer, int rowGroupRows)
    {
        Path = path;
        _file = file;
        _writer = writer;
        _ba = new ReadOnlyMemory<char>?[rowGroupRows];
        _period = new DateTime?[rowGroupRows];
        _series = new ReadOnlyMemory<char>?[rowGroupRows];
        _value = new double?[rowGroupRows];
        _source = new ReadOnlyMemory<char>?[rowGroupRows];
        _imputed = new bool?[rowGroupRows];
    }

    public string Path { get; }

    public long Rows { get; private set; }

    public static async Task<BaHourlyParquetWriter> CreateAsync(string path, int rowGroupRows = BaHourlyParquet.DefaultRowGroupRows, CancellationToken cancellationToken = default)
    {
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        try
        {
            var options = new ParquetOptions
            {
                CompressionMethod = CompressionMethod.Snappy,
                // Parquet.Net's stream pool keeps every buffer it frees unless told otherwise, and
                // then memory grows with the file.
                MaximumSmallPoolFreeBytes = 16 << 20,
                MaximumLargePoolFreeBytes = 32 << 20,
            };
            // Without the hint Parquet.Net writes these few repeated values plain; as a dictionary
            // they cost a fraction of the time and a hundredth of the bytes.
            foreach (var field in BaHourlyParquet.DictionaryColumns)
            {
                options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
            }

            var writer = await ParquetWriter.CreateAsync(BaHourlyParquet.Schema, file, options, cancellationToken: cancellationToken);
            return new BaHourlyParquetWriter(path, file, writer, rowGroupRows);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether the buffered rows fill a row group: call <see cref="FlushAsync"/> before adding more.</summary>
    public bool IsFull => _count == _ba.Length;

    /// <summary>Adds a row to the current row group; the caller flushes when <see cref="IsFull"/>.</summary>
    public void Add(string ba, DateTime periodEndUtc, BaSeries series, double valueMw, string source, bool? imputed)
    {
        var i = _count++;
        _ba[i] = ba.AsMemory();
        _period[i] = periodEndUtc;
        _series[i] = SeriesNames[(int)series];
        _value[i] = valueMw;
        _source[i] = source.AsMemory();
        _imputed[i] = imputed;
        Rows++;
    }

    /// <summary>Writes the buffered rows as a row group.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_count == 0)
        {
            return;
        }

        var n = _count;
        using (var group = _writer.CreateRowGroup())
        {
            await group.WriteAsync(BaHourlyParquet.BalancingAuthorityCode, new ReadOnlyMemory<ReadOnlyMemory<char>?>(_ba, 0, n), cancellationToken: cancellationToken);
            await group.WriteAsync(BaHourlyParquet.PeriodEndUtc, new ReadOnlyMemory<DateTime?>(_period, 0, n), cancellationToken: cancellationToken);
            await group.WriteAsync(BaHourlyParquet.Series, new ReadOnlyMemory<ReadOnlyMemory<char>?>(_series, 0, n), cancellationToken: cancellationToken);
            await group.WriteAsync(BaHourlyParquet.ValueMw, new ReadOnlyMemory<double?>(_value, 0, n), cancellationToken: cancellationToken);
            await group.WriteAsync(BaHourlyParquet.Source, new ReadOnlyMemory<ReadOnlyMemory<char>?>(_source, 0, n), cancellationToken: cancellationToken);
            await group.WriteAsync(BaHourlyParquet.Imputed, new ReadOnlyMemory<bool?>(_imputed, 0, n), cancellationToken: cancellationToken);
            group.CompleteValidate();
        }

        _count = 0;
    }

    /// <summary>Writes the last row group and the footer, and measures the file for the data package.</summary>
    public async Task<StagedTable> CompleteAsync(string part, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await _writer.DisposeAsync();
        await _file.DisposeAsync();
        _completed = true;
        var (sha256, bytes) = await Hashing.Sha256OfFileAsync(Path, cancellationToken);
        return new StagedTable(Schemas.BaHourly, Path, "parquet", Rows, bytes, sha256, StagedTable.DataFolder, part);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            await _writer.DisposeAsync();
            await _file.DisposeAsync();
        }
    }
}
