using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace AiEnergyPipeline.Sources.Eia930.ParquetFormat;

/// <summary>A growable byte buffer for one page body, reused from page to page.</summary>
internal sealed class PageBuffer
{
    private byte[] _data;

    public PageBuffer(int capacity) => _data = new byte[Math.Max(capacity, 64)];

    public int Length { get; set; }

    public ReadOnlySpan<byte> Written => _data.AsSpan(0, Length);

    /// <summary>Room for <paramref name="count"/> more bytes, to be filled and then counted with <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int count)
    {
        if (Length + count > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + count));
        }

        return _data.AsSpan(Length, count);
    }

    public void Advance(int count) => Length += count;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        Length += bytes.Length;
    }

    public void Byte(byte value)
    {
        GetSpan(1)[0] = value;
        Length++;
    }

    public void Varint(uint value)
    {
        var span = GetSpan(5);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        Length += i;
    }

    public void Int32At(int at, int value) => BinaryPrimitives.WriteInt32LittleEndian(_data.AsSpan(at, 4), value);
}

/// <summary>
/// Parquet's RLE / bit-packing hybrid encoding (definition levels, dictionary indices): runs of
/// eight or more equal values as RLE runs, the rest bit-packed in groups of eight, the last
/// group padded with zeros (readers stop at the page's value count).
/// </summary>
internal static class HybridEncoder
{
    private const int MinRepeat = 8;

    public static int BitWidthOf(int maxValue) => maxValue <= 0 ? 1 : 32 - int.LeadingZeroCount(maxValue);

    /// <summary>A run of <paramref name="count"/> copies of <paramref name="value"/>.</summary>
    public static void Repeat(PageBuffer output, int value, int count, int bitWidth)
    {
        if (count == 0)
        {
            return;
        }

        output.Varint((uint)count << 1);
        var bytes = (bitWidth + 7) / 8;
        var span = output.GetSpan(bytes);
        for (var b = 0; b < bytes; b++)
        {
            span[b] = (byte)(value >> (8 * b));
        }

        output.Advance(bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Encode(PageBuffer output, ReadOnlySpan<int> values, int bitWidth)
    {
        var n = values.Length;
        var i = 0;
        while (i < n)
        {
            var v = values[i];
            var r = 1;
            while (i + r < n && values[i + r] == v)
            {
                r++;
            }

            if (r >= MinRepeat || i + r == n)
            {
                Repeat(output, v, r, bitWidth);
                i += r;
                continue;
            }

            var end = i;
            do
            {
                end += 8;
            }
            while (end < n && !StartsRun(values, end));

            var groups = (end - i) / 8;
            var take = Math.Min(end, n) - i;
            output.Varint(((uint)groups << 1) | 1);
            Pack(output, values.Slice(i, take), groups * 8, bitWidth);
            i += take;
        }
    }

    /// <summary>Whether a run long enough to be worth leaving bit-packing for starts here.</summary>
    private static bool StartsRun(ReadOnlySpan<int> values, int at)
    {
        const int Worth = 2 * MinRepeat;
        if (at + Worth > values.Length)
        {
            return false;
        }

        var v = values[at];
        for (var k = 1; k < Worth; k++)
        {
            if (values[at + k] != v)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Bit-packs values least significant bit first, padded with zeros to <paramref name="paddedCount"/> values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Pack(PageBuffer output, ReadOnlySpan<int> values, int paddedCount, int bitWidth)
    {
        var bytes = paddedCount * bitWidth / 8;
        var span = output.GetSpan(bytes);
        var at = 0;
        ulong acc = 0;
        var bits = 0;
        var mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
        foreach (var v in values)
        {
            acc |= (ulong)((uint)v & mask) << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                span[at++] = (byte)acc;
                acc >>= 8;
                bits -= 8;
            }
        }

        if (bits > 0)
        {
            span[at++] = (byte)acc;
        }

        span[at..bytes].Clear();
        output.Advance(bytes);
    }
}
