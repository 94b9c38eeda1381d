using System.Globalization;
using System.Runtime.CompilerServices;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// Fast paths for the common shapes of BALANCE fields, read straight from the UTF-8 bytes of the
/// CSV reader. Each accepts only inputs whose result is certainly the same as the general .NET
/// parse that the slow path uses, and returns false otherwise, so the caller falls back to it:
/// the fast paths change speed, never results.
/// </summary>
internal static class Utf8Fields
{
    /// <summary>Powers of ten that are exact doubles, for the exact division below.</summary>
    private static readonly double[] Pow10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// Trims ASCII whitespace. False when the trimmed value starts or ends with a non-ASCII byte:
    /// it may be Unicode whitespace that <see cref="string.Trim()"/> removes, so the caller must
    /// take the string path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryTrimAscii(ReadOnlySpan<byte> value, out ReadOnlySpan<byte> trimmed)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && IsAsciiWhite(value[start]))
        {
            start++;
        }

        while (end > start && IsAsciiWhite(value[end - 1]))
        {
            end--;
        }

        trimmed = value[start..end];
        return trimmed.IsEmpty || (trimmed[0] < 0x80 && trimmed[^1] < 0x80);
    }

    /// <summary>
    /// A decimal number such as <c>-4,693</c>, <c>21334</c> or <c>12.5</c>: an optional sign,
    /// digits in groups of three when commas are used, an optional fraction, at most 15
    /// significant digits. The value is the mantissa divided by a power of ten, both exact, so
    /// the one rounding is IEEE's and equals <see cref="double.Parse(string, NumberStyles, IFormatProvider)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseNumber(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            i = 1;
        }

        ulong mantissa = 0;
        var digits = 0;
        var integerDigits = 0;
        var groupDigits = -1; // digits since the last comma; -1 until a comma is seen
        for (; i < text.Length; i++)
        {
            var c = text[i];
            var d = (uint)(c - '0');
            if (d <= 9)
            {
                mantissa = (mantissa * 10) + d;
                digits++;
                integerDigits++;
                if (groupDigits >= 0 && ++groupDigits > 3)
                {
                    return false;
                }
            }
            else if (c == ',')
            {
                // The first group has 1 to 3 digits, every later group exactly 3.
                if (integerDigits == 0 || (groupDigits < 0 ? integerDigits > 3 : groupDigits != 3))
                {
                    return false;
                }

                groupDigits = 0;
            }
            else
            {
                break;
            }

            if (digits > 15)
            {
                return false;
            }
        }

        if (integerDigits == 0 || (groupDigits >= 0 && groupDigits != 3))
        {
            return false;
        }

        var fraction = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            for (; i < text.Length; i++)
            {
                var d = (uint)(text[i] - '0');
                if (d > 9)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + d;
                fraction++;
                if (++digits > 15)
                {
                    return false;
                }
            }

            if (fraction == 0)
            {
                return false;
            }
        }

        if (i != text.Length)
        {
            return false;
        }

        value = fraction == 0 ? mantissa : mantissa / Pow10[fraction];
        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>
    /// The BALANCE UTC time <c>M/d/yyyy h:mm:ss AM</c> (one or two digits for month, day and
    /// hour), as UTC; false for anything else, including values the format would reject.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseUsDateTime(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        var i = 0;
        if (!TryDigits(text, ref i, 1, 2, out var month) || !Expect(text, ref i, (byte)'/')
            || !TryDigits(text, ref i, 1, 2, out var day) || !Expect(text, ref i, (byte)'/')
            || !TryDigits(text, ref i, 4, 4, out var year) || !Expect(text, ref i, (byte)' ')
            || !TryDigits(text, ref i, 1, 2, out var hour) || !Expect(text, ref i, (byte)':')
            || !TryDigits(text, ref i, 2, 2, out var minute) || !Expect(text, ref i, (byte)':')
            || !TryDigits(text, ref i, 2, 2, out var second) || !Expect(text, ref i, (byte)' ')
            || i + 2 != text.Length || text[i + 1] != 'M')
        {
            return false;
        }

        var pm = text[i] == 'P';
        if ((!pm && text[i] != 'A') || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour is < 1 or > 12 || minute > 59 || second > 59)
        {
            return false;
        }

        hour = (hour % 12) + (pm ? 12 : 0);
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, ref int i, int min, int max, out int value)
    {
        value = 0;
        var count = 0;
        while (i < text.Length && count < max && (uint)(text[i] - '0') <= 9)
        {
            value = (value * 10) + (text[i] - '0');
            i++;
            count++;
        }

        return count >= min;
    }

    private static bool Expect(ReadOnlySpan<byte> text, ref int i, byte c)
    {
        if (i < text.Length && text[i] == c)
        {
            i++;
            return true;
        }

        return false;
    }

    private static bool IsAsciiWhite(byte b) => b == (byte)' ' || (b >= 0x09 && b <= 0x0D);

    /// <summary>Writes a UTC time as <c>yyyy-MM-ddTHH:mm:ssZ</c>, the form every table uses (20 bytes).</summary>
    public static int FormatIsoUtc(DateTime value, Span<byte> destination)
    {
        var (year, month, day) = value;
        Four(destination, 0, year);
        destination[4] = (byte)'-';
        Two(destination, 5, month);
        destination[7] = (byte)'-';
        Two(destination, 8, day);
        FormatIsoTime(value, destination);
        return 20;
    }

    /// <summary>Writes only the time of day of <see cref="FormatIsoUtc"/> (<c>THH:mm:ssZ</c>, bytes 10 to 19), for a date already written.</summary>
    public static void FormatIsoTime(DateTime value, Span<byte> destination)
    {
        var seconds = (int)(value.Ticks % TimeSpan.TicksPerDay / TimeSpan.TicksPerSecond);
        destination[10] = (byte)'T';
        Two(destination, 11, seconds / 3600);
        destination[13] = (byte)':';
        Two(destination, 14, seconds / 60 % 60);
        destination[16] = (byte)':';
        Two(destination, 17, seconds % 60);
        destination[19] = (byte)'Z';
    }

    private static void Two(Span<byte> d, int at, int v)
    {
        d[at] = (byte)('0' + (v / 10));
        d[at + 1] = (byte)('0' + (v % 10));
    }

    private static void Four(Span<byte> d, int at, int v)
    {
        Two(d, at, v / 100);
        Two(d, at + 2, v % 100);
    }

    /// <summary>The slow path the fast one must agree with, kept beside it for the tests.</summary>
    public static bool TryParseNumberSlow(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value);
}
