using Parquet;
using Parquet.Schema;

namespace AiEnergyPipeline.Tables;

/// <summary>
/// Writes one table as Parquet, with the types of its schema (<see cref="ParquetSchemas"/>), row by
/// row or cell by cell in any column order: values are buffered per column and written as a row
/// group every <see cref="RowGroupRows"/> rows, so memory is bounded by one row group whatever the
/// table's length. Unset cells are nulls. Pages are compressed with the configured codec, and
/// Parquet.Net writes each column chunk's statistics (null count, min, max). <see cref="CompleteAsync"/> writes the footer and
/// measures the file for the data package.
/// </summary>
public sealed class ParquetTableWriter : IAsyncDisposable
{
    /// <summary>Rows per row group: large enough for good compression and scans, small enough to bound memory (about 10 MB for ba_hourly).</summary>
    public const int DefaultRowGroupRows = 128 * 1024;

    private const int InitialCapacity = 1024;

    private readonly FileStream _file;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private readonly ColumnBuffer[] _columns;
    private readonly string _path;
    private int _buffered;
    private bool _completed;

    private ParquetTableWriter(TableSchema schema, string path, string folder, string? part, int rowGroupRows, FileStream file, ParquetWriter writer, DataField[] fields)
    {
        Schema = schema;
        Folder = folder;
        Part = part;
        RowGroupRows = rowGroupRows;
        _path = path;
        _file = file;
        _writer = writer;
        _fields = fields;
        // Buffers start small and double up to a row group, so that small tables stay small in memory.
        _columns = schema.Fields.Select(f => ColumnBuffer.For(ParquetSchemas.ClrTypeOf(schema.Name, f), Math.Min(rowGroupRows, InitialCapacity))).ToArray();
    }

    public TableSchema Schema { get; }

    public string Folder { get; }

    public string? Part { get; }

    public int RowGroupRows { get; }

    /// <summary>Rows ended so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Creates <paramref name="path"/> (and its folder) for a table published as {Folder}/{table}.parquet, or as the part {Folder}/{table}/{part}.parquet.</summary>
    /// <param name="labels">Key-value metadata for the footer (<see cref="ParquetLabels"/>); none by default.</param>
    public static async Task<ParquetTableWriter> CreateAsync(string path, TableSchema schema, string folder = StagedTable.DataFolder, string? part = null, int rowGroupRows = DefaultRowGroupRows, CancellationToken cancellationToken = default, ParquetCompression compression = ParquetCompression.Snappy, IReadOnlyDictionary<string, string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        var parquetSchema = ParquetSchemas.For(schema);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        try
        {
            var options = new Parquet.ParquetOptions
            {
                // Parquet.Net maps Optimal to a slow Zstandard level (about 60 s for 4 million rows in the bench); Fastest is level 1-3
                CompressionLevel = System.IO.Compression.CompressionLevel.Fastest,
                CompressionMethod = compression switch
                {
                    ParquetCompression.Snappy => CompressionMethod.Snappy,
                    ParquetCompression.Zstd => CompressionMethod.Zstd,
                    _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "no such Parquet codec."),
                },
            };
            var writer = await ParquetWriter.CreateAsync(parquetSchema, file, options, cancellationToken: cancellationToken);
            if (labels is { Count: > 0 })
            {
                writer.CustomMetadata = labels;
            }

            return new ParquetTableWriter(schema, path, folder, part, rowGroupRows, file, writer, parquetSchema.GetDataFields());
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>The index of the column named <paramref name="name"/>, for the Set methods.</summary>
    public int ColumnIndex(string name)
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            if (_fields[i].Name == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"table {Schema.Name} has no column '{name}'.", nameof(name));
    }

    /// <summary>A string or yearmonth cell of the current row.</summary>
    public void SetString(int column, string? value) => Buffer<StringBuffer>(column, typeof(string)).Values[_buffered] = value;

    public void SetNumber(int column, double? value) => Buffer<ValueBuffer<double>>(column, typeof(double?)).Values[_buffered] = value;

    public void SetInteger(int column, long? value) => Buffer<ValueBuffer<long>>(column, typeof(long?)).Values[_buffered] = value;

    public void SetBoolean(int column, bool? value) => Buffer<ValueBuffer<bool>>(column, typeof(bool?)).Values[_buffered] = value;

    public void SetYear(int column, int? value) => Buffer<ValueBuffer<int>>(column, typeof(int?)).Values[_buffered] = value;

    public void SetDate(int column, DateOnly? value) => Buffer<ValueBuffer<DateOnly>>(column, typeof(DateOnly?)).Values[_buffered] = value;

    /// <summary>A datetime cell; an unspecified kind is taken as UTC, as every table's times are.</summary>
    public void SetDateTime(int column, DateTime? value) => Buffer<ValueBuffer<DateTime>>(column, typeof(DateTime?)).Values[_buffered] = value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } utc => utc,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        { } unspecified => DateTime.SpecifyKind(unspecified, DateTimeKind.Utc),
    };

    /// <summary>Ends the current row; a full row group is written out.</summary>
    public async ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        _buffered++;
        Rows++;
        if (_buffered == RowGroupRows)
        {
            await FlushAsync(cancellationToken);
        }
        else if (_buffered == _columns[0].Capacity)
        {
            foreach (var column in _columns)
            {
                column.Grow(Math.Min(RowGroupRows, _buffered * 2));
            }
        }
    }

    public async Task<StagedTable> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_buffered > 0 || Rows == 0)
        {
            // An empty table still gets one empty row group, so that readers see its columns in the usual way.
            await FlushAsync(cancellationToken);
        }

        await _writer.DisposeAsync();
        await _file.DisposeAsync();
        _completed = true;
        var (sha256, bytes) = await Hashing.Sha256OfFileAsync(_path, cancellationToken);
        return new StagedTable(Schema, _path, StagedTable.ParquetFormat, Rows, bytes, sha256, Folder, Part);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            _completed = true;
            await _writer.DisposeAsync();
            await _file.DisposeAsync();
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        using (var rowGroup = _writer.CreateRowGroup())
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                await _columns[i].WriteAsync(rowGroup, _fields[i], _buffered, cancellationToken);
            }

            rowGroup.CompleteValidate();
        }

        foreach (var column in _columns)
        {
            column.Clear(_buffered);
        }

        _buffered = 0;
    }

    private T Buffer<T>(int column, Type expected)
        where T : ColumnBuffer
    {
        if ((uint)column >= (uint)_columns.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"table {Schema.Name} has {_columns.Length} columns.");
        }

        return _columns[column] as T
            ?? throw new ArgumentException($"table {Schema.Name}: column {_fields[column].Name} is {Schema.Fields[column].Type} ({_columns[column].ClrType.Name}), not {expected.Name}.", nameof(column));
    }

    /// <summary>One column's values of the row group being filled.</summary>
    private abstract class ColumnBuffer
    {
        public abstract Type ClrType { get; }

        public static ColumnBuffer For(Type type, int capacity) => type switch
        {
            _ when type == typeof(string) => new StringBuffer(capacity),
            _ when type == typeof(double?) => new ValueBuffer<double>(capacity),
            _ when type == typeof(long?) => new ValueBuffer<long>(capacity),
            _ when type == typeof(bool?) => new ValueBuffer<bool>(capacity),
            _ when type == typeof(int?) => new ValueBuffer<int>(capacity),
            _ when type == typeof(DateOnly?) => new ValueBuffer<DateOnly>(capacity),
            _ when type == typeof(DateTime?) => new ValueBuffer<DateTime>(capacity),
            _ => throw new NotSupportedException($"no Parquet column buffer for {type}."),
        };

        public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, DataField field, int count, CancellationToken cancellationToken);

        public abstract void Clear(int count);

        public abstract int Capacity { get; }

        public abstract void Grow(int capacity);
    }

    private sealed class ValueBuffer<T>(int capacity) : ColumnBuffer
        where T : struct
    {
        private T?[] _values = new T?[capacity];

        public T?[] Values => _values;

        public override int Capacity => _values.Length;

        public override void Grow(int capacity) => Array.Resize(ref _values, capacity);

        public override Type ClrType => typeof(T?);

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, DataField field, int count, CancellationToken cancellationToken) =>
            await rowGroup.WriteAsync<T>(field, new ReadOnlyMemory<T?>(Values, 0, count), cancellationToken: cancellationToken);

        public override void Clear(int count) => Array.Clear(Values, 0, count);
    }

    private sealed class StringBuffer(int capacity) : ColumnBuffer
    {
        private string?[] _values = new string?[capacity];

        public string?[] Values => _values;

        public override int Capacity => _values.Length;

        public override void Grow(int capacity) => Array.Resize(ref _values, capacity);

        public override Type ClrType => typeof(string);

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, DataField field, int count, CancellationToken cancellationToken) =>
            await rowGroup.WriteAsync(field, new ArraySegment<string?>(Values, 0, count)!);

        public override void Clear(int count) => Array.Clear(Values, 0, count);
    }
}
