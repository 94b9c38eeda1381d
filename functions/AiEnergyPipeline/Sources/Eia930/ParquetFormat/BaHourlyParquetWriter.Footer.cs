namespace AiEnergyPipeline.Sources.Eia930.ParquetFormat;

/// <summary>The footer of a ba_hourly Parquet file: its schema and where each row group's column chunks are.</summary>
public sealed partial class BaHourlyParquetWriter
{
    private void WriteFooter()
    {
        var t = _thrift;
        t.Reset();
        t.I32(1, 1);
        t.StructList(2, ColumnNames.Length + 1);
        t.BeginStructElement();
        t.String(4, "schema");
        t.I32(5, ColumnNames.Length);
        t.EndStruct();
        for (var c = 0; c < ColumnNames.Length; c++)
        {
            SchemaElement(t, c, ColumnTypes[c]);
        }

        t.I64(3, Rows);
        t.StructList(4, _rowGroups.Count);
        for (var g = 0; g < _rowGroups.Count; g++)
        {
            var group = _rowGroups[g];
            t.BeginStructElement();
            t.StructList(1, group.Columns.Length);
            for (var c = 0; c < group.Columns.Length; c++)
            {
                ColumnChunk(t, c, group.Columns[c]);
            }

            t.I64(2, group.Columns.Sum(c => c.UncompressedBytes));
            t.I64(3, group.Rows);
            t.I64(5, group.Offset);
            t.I64(6, group.Bytes);
            t.I16(7, checked((short)g));
            t.EndStruct();
        }

        if (_labels.Count > 0)
        {
            t.StructList(5, _labels.Count);
            foreach (var (key, value) in _labels)
            {
                t.BeginStructElement();
                t.String(1, key);
                t.String(2, value);
                t.EndStruct();
            }
        }

        // "<application> version <x> (build <y>)", the form Arrow parses to trust a writer's statistics
        t.String(6, "AiEnergyPipeline ba_hourly writer version 2.0.0 (build compressed-statistics)");
        t.StructList(7, ColumnNames.Length);
        for (var c = 0; c < ColumnNames.Length; c++)
        {
            // TYPE_ORDER: min_value and max_value follow the column's type (unsigned bytes for text)
            t.BeginStructElement();
            t.BeginStruct(1);
            t.EndStruct();
            t.EndStruct();
        }

        t.EndMessage();
        Write(t.Written);
        Span<byte> tail = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(tail, t.Length);
        "PAR1"u8.CopyTo(tail[4..]);
        Write(tail);
    }

    private static void SchemaElement(ThriftCompactWriter t, int column, int type)
    {
        const int Optional = 1;
        const int ConvertedUtf8 = 0;
        const int ConvertedTimestampMicros = 10;
        t.BeginStructElement();
        t.I32(1, type);
        t.I32(3, Optional);
        t.String(4, ColumnNames[column]);
        if (type == TypeByteArray)
        {
            t.I32(6, ConvertedUtf8);
            t.BeginStruct(10);
            t.BeginStruct(1); // STRING
            t.EndStruct();
            t.EndStruct();
        }
        else if (type == TypeInt64)
        {
            t.I32(6, ConvertedTimestampMicros);
            t.BeginStruct(10);
            t.BeginStruct(8); // TIMESTAMP
            t.Bool(1, true); // isAdjustedToUTC
            t.BeginStruct(2); // unit
            t.BeginStruct(2); // MICROS
            t.EndStruct();
            t.EndStruct();
            t.EndStruct();
            t.EndStruct();
        }

        t.EndStruct();
    }

    private void ColumnChunk(ThriftCompactWriter t, int column, ColumnMeta meta)
    {
        var start = meta.DictionaryOffset >= 0 ? meta.DictionaryOffset : meta.DataOffset;
        t.BeginStructElement();
        t.I64(2, start);
        t.BeginStruct(3);
        t.I32(1, meta.Type);
        t.I32List(2, meta.DictionaryOffset >= 0 ? [EncodingPlain, EncodingRle, EncodingRleDictionary] : [EncodingPlain, EncodingRle]);
        t.StringList(3, ColumnNames[column]);
        t.I32(4, _compressor.Codec);
        t.I64(5, meta.Values);
        t.I64(6, meta.UncompressedBytes);
        t.I64(7, meta.Bytes);
        t.I64(9, meta.DataOffset);
        if (meta.DictionaryOffset >= 0)
        {
            t.I64(11, meta.DictionaryOffset);
        }

        t.BeginStruct(12);
        t.I64(3, meta.Statistics.NullCount);
        if (meta.Statistics is { Min: { } min, Max: { } max })
        {
            t.Binary(5, max);
            t.Binary(6, min);
        }

        t.EndStruct();
        t.EndStruct();
        t.EndStruct();
    }
}
