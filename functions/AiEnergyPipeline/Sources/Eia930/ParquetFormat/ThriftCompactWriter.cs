using System.Text;

namespace AiEnergyPipeline.Sources.Eia930.ParquetFormat;

/// <summary>
/// The little of Thrift's compact protocol a Parquet footer and page headers need: structs of
/// i32, i64, bool, binary, lists and nested structs, written into a growable buffer. Fields must
/// be written in increasing id order within a struct, as the protocol's field deltas assume.
/// </summary>
internal sealed class ThriftCompactWriter
{
    private const byte TypeTrue = 1;
    private const byte TypeFalse = 2;
    private const byte TypeI16 = 4;
    private const byte TypeI32 = 5;
    private const byte TypeI64 = 6;
    private const byte TypeBinary = 8;
    private const byte TypeList = 9;
    private const byte TypeStruct = 12;

    private readonly Stack<short> _lastIds = new();
    private byte[] _buffer = new byte[256];
    private short _lastId;

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public void Reset()
    {
        Length = 0;
        _lastId = 0;
        _lastIds.Clear();
    }

    public void I32(short id, int value)
    {
        Header(id, TypeI32);
        Varint(ZigZag(value));
    }

    public void I16(short id, short value)
    {
        Header(id, TypeI16);
        Varint(ZigZag(value));
    }

    public void I64(short id, long value)
    {
        Header(id, TypeI64);
        Varint(ZigZag(value));
    }

    public void Bool(short id, bool value) => Header(id, value ? TypeTrue : TypeFalse);

    public void String(short id, string value)
    {
        Header(id, TypeBinary);
        Binary(value);
    }

    public void Binary(short id, ReadOnlySpan<byte> value)
    {
        Header(id, TypeBinary);
        Varint((uint)value.Length);
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(Length));
        Length += value.Length;
    }

    /// <summary>Starts a struct field; end it with <see cref="EndStruct"/>.</summary>
    public void BeginStruct(short id)
    {
        Header(id, TypeStruct);
        BeginStructElement();
    }

    /// <summary>Starts a struct that is a list element (no field header).</summary>
    public void BeginStructElement()
    {
        _lastIds.Push(_lastId);
        _lastId = 0;
    }

    /// <summary>Ends a nested struct (or list element struct) with the stop byte.</summary>
    public void EndStruct()
    {
        Byte(0);
        _lastId = _lastIds.Pop();
    }

    /// <summary>Ends the outermost struct.</summary>
    public void EndMessage() => Byte(0);

    public void StructList(short id, int count) => ListHeader(id, TypeStruct, count);

    public void I32List(short id, ReadOnlySpan<int> values)
    {
        ListHeader(id, TypeI32, values.Length);
        foreach (var v in values)
        {
            Varint(ZigZag(v));
        }
    }

    public void StringList(short id, params ReadOnlySpan<string> values)
    {
        ListHeader(id, TypeBinary, values.Length);
        foreach (var v in values)
        {
            Binary(v);
        }
    }

    private void ListHeader(short id, byte elementType, int count)
    {
        Header(id, TypeList);
        if (count < 15)
        {
            Byte((byte)((count << 4) | elementType));
        }
        else
        {
            Byte((byte)(0xF0 | elementType));
            Varint((uint)count);
        }
    }

    private void Header(short id, byte type)
    {
        var delta = id - _lastId;
        if (delta is > 0 and <= 15)
        {
            Byte((byte)((delta << 4) | type));
        }
        else
        {
            Byte(type);
            Varint(ZigZag(id));
        }

        _lastId = id;
    }

    private void Binary(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Varint((uint)bytes.Length);
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer, Length);
        Length += bytes.Length;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private void Varint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[Length++] = (byte)value;
    }

    private void Byte(byte value)
    {
        Ensure(1);
        _buffer[Length++] = value;
    }

    private void Ensure(int more)
    {
        if (Length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + more));
        }
    }
}
