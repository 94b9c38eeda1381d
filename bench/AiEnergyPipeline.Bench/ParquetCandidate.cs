using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Sources.Eia930.ParquetFormat;
using AiEnergyPipeline.Tables;
using Apache.Arrow;
using Apache.Arrow.Types;
using ParquetSharp;

namespace AiEnergyPipeline.Bench;

/// <summary>
/// The Parquet writers the parquet phase compares, each fed the same ba_hourly rows and writing
/// the product's column types, row groups of the product's size and the given codec:
/// the product's own writer, Parquet.Net (through the product's <see cref="ParquetTableWriter"/>),
/// ParquetSharp's column writers and ParquetSharp's Arrow writer (Apache Arrow's C++ Parquet writer
/// fed Apache.Arrow record batches; Apache.Arrow for .NET has no Parquet writer of its own).
/// </summary>
internal abstract class ParquetCandidate : IDisposable
{
    public const int RowGroupRows = BaHourlyParquet.DefaultRowGroupRows;

    public static readonly string[] Names = ["hand", "parquetnet", "parquetsharp", "arrow"];

    public static ParquetCandidate Create(string name, string path, ParquetCompression compression) => name switch
    {
        "hand" => new HandWritten(path, compression),
        "parquetnet" => new ParquetNet(path, compression),
        "parquetsharp" => new ParquetSharpColumns(path, compression),
        "arrow" => new ParquetSharpArrow(path, compression),
        _ => throw new ArgumentException($"unknown writer '{name}'"),
    };

    public abstract void Add(string ba, DateTime periodEndUtc, BaSeries series, double valueMw, string source, bool? imputed, DemandQuality? quality);

    public abstract void Complete();

    public virtual void Dispose()
    {
    }

    private sealed class HandWritten(string path, ParquetCompression compression) : ParquetCandidate
    {
        private readonly BaHourlyParquetWriter _writer = new(path, OriginColumn.Fetched, RowGroupRows, compression);

        public override void Add(string ba, DateTime periodEndUtc, BaSeries series, double valueMw, string source, bool? imputed, DemandQuality? quality) =>
            _writer.Add(ba, periodEndUtc, series, valueMw, source, imputed, quality);

        public override void Complete() => _writer.Complete("bench");

        public override void Dispose() => _writer.Dispose();
    }

    private sealed class ParquetNet : ParquetCandidate
    {
        private readonly ParquetTableWriter _writer;

        public ParquetNet(string path, ParquetCompression compression) =>
            _writer = ParquetTableWriter.CreateAsync(path, Schemas.BaHourly, rowGroupRows: RowGroupRows, compression: compression).GetAwaiter().GetResult();

        public override void Add(string ba, DateTime periodEndUtc, BaSeries series, double valueMw, string source, bool? imputed, DemandQuality? quality)
        {
            _writer.SetString(0, ba);
            _writer.SetDateTime(1, periodEndUtc);
            _writer.SetString(2, series.Name());
            _writer.SetNumber(3, valueMw);
            _writer.SetString(4, source);
            _writer.SetBoolean(5, imputed);
            _writer.SetString(6, quality?.Name());
            _writer.SetString(7, OriginColumn.Fetched);
            var end = _writer.EndRowAsync(CancellationToken.None);
            if (!end.IsCompletedSuccessfully)
            {
                end.AsTask().GetAwaiter().GetResult();
            }
        }

        public override void Complete() => _writer.CompleteAsync(CancellationToken.None).GetAwaiter().GetResult();

        public override void Dispose() => _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Rows buffered per column for one row group, as the library writers take them.</summary>
    private abstract class Buffered : ParquetCandidate
    {
        protected readonly string[] Ba = new string[RowGroupRows];
        protected readonly DateTime[] Period = new DateTime[RowGroupRows];
        protected readonly string[] Series = new string[RowGroupRows];
        protected readonly double[] Value = new double[RowGroupRows];
        protected readonly string[] Source = new string[RowGroupRows];
        protected readonly bool?[] Imputed = new bool?[RowGroupRows];
        protected readonly string?[] Quality = new string?[RowGroupRows];

        // Every candidate writes the origin column as the product does: one value for a whole file.
        protected readonly string[] Origin = [.. Enumerable.Repeat(OriginColumn.Fetched, RowGroupRows)];
        protected int Count;

        public override void Add(string ba, DateTime periodEndUtc, BaSeries series, double valueMw, string source, bool? imputed, DemandQuality? quality)
        {
            if (Count == RowGroupRows)
            {
                WriteRowGroup();
                Count = 0;
            }

            Ba[Count] = ba;
            Period[Count] = periodEndUtc;
            Series[Count] = series.Name();
            Value[Count] = valueMw;
            Source[Count] = source;
            Imputed[Count] = imputed;
            Quality[Count] = quality?.Name();
            Count++;
        }

        public override void Complete()
        {
            if (Count > 0)
            {
                WriteRowGroup();
                Count = 0;
            }

            Close();
        }

        protected abstract void WriteRowGroup();

        protected abstract void Close();
    }

    private sealed class ParquetSharpColumns : Buffered
    {
        private readonly ParquetFileWriter _file;
        private readonly DateTime?[] _period = new DateTime?[RowGroupRows];
        private readonly double?[] _value = new double?[RowGroupRows];

        public ParquetSharpColumns(string path, ParquetCompression compression)
        {
            ParquetSharp.Column[] columns =
            [
                new Column<string>("balancing_authority_code", LogicalType.String()),
                new Column<DateTime?>("period_end_utc", LogicalType.Timestamp(isAdjustedToUtc: true, ParquetSharp.TimeUnit.Micros)),
                new Column<string>("series", LogicalType.String()),
                new Column<double?>("value_mw"),
                new Column<string>("source", LogicalType.String()),
                new Column<bool?>("imputed"),
                new Column<string>("quality", LogicalType.String()),
                new Column<string>(OriginColumn.Name, LogicalType.String()),
            ];
            using var properties = new WriterPropertiesBuilder().Compression(Codec(compression)).Build();
            _file = new ParquetFileWriter(path, columns, properties);
        }

        protected override void WriteRowGroup()
        {
            var n = Count;
            for (var i = 0; i < n; i++)
            {
                _period[i] = Period[i];
                _value[i] = Value[i];
            }

            using var group = _file.AppendRowGroup();
            Write(group, Ba, n);
            Write(group, _period, n);
            Write(group, Series, n);
            Write(group, _value, n);
            Write(group, Source, n);
            Write(group, Imputed, n);
            Write(group, Quality, n);
            Write(group, Origin, n);
        }

        protected override void Close() => _file.Close();

        public override void Dispose() => _file.Dispose();

        private static void Write<T>(RowGroupWriter group, T[] values, int n)
        {
            using var column = group.NextColumn();
            using var writer = column.LogicalWriter<T>();
            writer.WriteBatch(values, 0, n);
        }
    }

    private sealed class ParquetSharpArrow : Buffered
    {
        private static readonly TimestampType Utc = new(Apache.Arrow.Types.TimeUnit.Microsecond, "UTC");

        private readonly Schema _schema = new Schema.Builder()
            .Field(f => f.Name("balancing_authority_code").DataType(StringType.Default).Nullable(true))
            .Field(f => f.Name("period_end_utc").DataType(Utc).Nullable(true))
            .Field(f => f.Name("series").DataType(StringType.Default).Nullable(true))
            .Field(f => f.Name("value_mw").DataType(DoubleType.Default).Nullable(true))
            .Field(f => f.Name("source").DataType(StringType.Default).Nullable(true))
            .Field(f => f.Name("imputed").DataType(BooleanType.Default).Nullable(true))
            .Field(f => f.Name("quality").DataType(StringType.Default).Nullable(true))
            .Field(f => f.Name(OriginColumn.Name).DataType(StringType.Default).Nullable(true))
            .Build();

        private readonly ParquetSharp.Arrow.FileWriter _file;

        public ParquetSharpArrow(string path, ParquetCompression compression)
        {
            using var properties = new WriterPropertiesBuilder().Compression(Codec(compression)).Build();
            _file = new ParquetSharp.Arrow.FileWriter(path, _schema, properties);
        }

        protected override void WriteRowGroup()
        {
            var n = Count;
            var period = new TimestampArray.Builder(Utc);
            var value = new DoubleArray.Builder();
            var imputed = new BooleanArray.Builder();
            for (var i = 0; i < n; i++)
            {
                period.Append(new DateTimeOffset(Period[i]));
                value.Append(Value[i]);
                if (Imputed[i] is { } flag)
                {
                    imputed.Append(flag);
                }
                else
                {
                    imputed.AppendNull();
                }
            }

            IArrowArray[] arrays = [Strings(Ba, n), period.Build(), Strings(Series, n), value.Build(), Strings(Source, n), imputed.Build(), Strings(Quality, n), Strings(Origin, n)];
            using var batch = new RecordBatch(_schema, arrays, n);
            _file.WriteRecordBatch(batch, RowGroupRows);
        }

        protected override void Close() => _file.Close();

        public override void Dispose() => _file.Dispose();

        private static StringArray Strings(string?[] values, int n)
        {
            var builder = new StringArray.Builder();
            for (var i = 0; i < n; i++)
            {
                if (values[i] is { } text)
                {
                    builder.Append(text);
                }
                else
                {
                    builder.AppendNull();
                }
            }

            return builder.Build();
        }
    }

    private static Compression Codec(ParquetCompression compression) => compression == ParquetCompression.Zstd ? Compression.Zstd : Compression.Snappy;
}
