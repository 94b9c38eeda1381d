using System.Buffers.Binary;

namespace AiEnergyPipeline.Sources.Eia930.ParquetFormat;

/// <summary>
/// Each column chunk's statistics: null count, and min and max as Parquet's plain encoding of the
/// value (little-endian numbers, UTF-8 bytes), compared as the column's type orders them (signed
/// for numbers and timestamps, unsigned bytes for text, false before true). They are written as
/// min_value/max_value with a type-defined column order, which DuckDB, Arrow and Spark use to skip
/// row groups.
/// </summary>
public sealed partial class BaHourlyParquetWriter
{
    private bool[] _seen = new bool[8];

    /// <summary>The statistics of one column chunk; null min and max when it holds no value.</summary>
    private readonly record struct ColumnStatistics(long NullCount, byte[]? Min, byte[]? Max);

    private static ColumnStatistics Int64Statistics(ReadOnlySpan<long> values)
    {
        var min = long.MaxValue;
        var max = long.MinValue;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return values.IsEmpty ? default : new ColumnStatistics(0, Int64Bytes(min), Int64Bytes(max));
    }

    private static ColumnStatistics DoubleStatistics(ReadOnlySpan<double> values)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        var any = false;
        foreach (var v in values)
        {
            // NaN is left out of min and max, as the format asks
            if (!double.IsNaN(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
                any = true;
            }
        }

        if (!any)
        {
            return default;
        }

        // a zero bound is written as -0.0 (min) and +0.0 (max), so that readers that compare either zero get it right
        return new ColumnStatistics(0, DoubleBytes(min == 0 ? -0.0 : min), DoubleBytes(max == 0 ? 0.0 : max));
    }

    private static ColumnStatistics BooleanStatistics(long nulls, long falses, long trues) =>
        falses + trues == 0 ? new ColumnStatistics(nulls, null, null) : new ColumnStatistics(nulls, [(byte)(falses > 0 ? 0 : 1)], [(byte)(trues > 0 ? 1 : 0)]);

    /// <summary>The least and greatest of the dictionary entries the indices use, in UTF-8 byte order.</summary>
    private ColumnStatistics TextStatistics(TextDictionary dictionary, ReadOnlySpan<int> indices, long nulls)
    {
        if (_seen.Length < dictionary.Count)
        {
            _seen = new bool[Math.Max(dictionary.Count, _seen.Length * 2)];
        }

        var seen = _seen.AsSpan(0, dictionary.Count);
        seen.Clear();
        var last = -1;
        foreach (var i in indices)
        {
            // rows come in runs of one value: most rows repeat the last
            if (i != last)
            {
                seen[i] = true;
                last = i;
            }
        }

        byte[]? min = null;
        byte[]? max = null;
        for (var i = 0; i < seen.Length; i++)
        {
            if (!seen[i])
            {
                continue;
            }

            var entry = dictionary.Utf8[i];
            if (min is null || entry.AsSpan().SequenceCompareTo(min) < 0)
            {
                min = entry;
            }

            if (max is null || entry.AsSpan().SequenceCompareTo(max) > 0)
            {
                max = entry;
            }
        }

        return new ColumnStatistics(nulls, min, max);
    }

    private static byte[] Int64Bytes(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] DoubleBytes(double value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        return bytes;
    }
}
