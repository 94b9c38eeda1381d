using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Tables;
using System.Globalization;
using System.Text;

namespace AiEnergyPipeline.Tests.Sources.Eia930;

/// <summary>The fast paths of the BALANCE parser against the .NET parses they stand in for.</summary>
public class Utf8FieldsTests
{
    private static readonly string[] UtcFormats =
    [
        "M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd HH:mm",
    ];

    public static TheoryData<string> OddNumbers => new()
    {
        "", "-", "+", ",", ".", "1,", ",1", "1,,234", "1,23", "12,3456", "1234,567", "1.", ".5", "-.5", "1e5", "1E+05",
        "12a", " 1", "1 ", "+1", "-0", "0", "0,123", "00,123", "1,234.", "1,234.5,6", "1.2.3", "--1", "-+1",
        "1234567890123456", "123456789012345", "0.000000000000001", "9,999,999,999,999", "99,999,999,999,999",
        "1,234,567.891", "NaN", "Infinity", "1_000", "١٢", "1\u00A0234", "(5)", "$5", "5-",
    };

    [Theory]
    [MemberData(nameof(OddNumbers))]
    public void TryParseNumber_OddInputs_AgreeWithDoubleParseWhenAccepted(string text)
    {
        if (Utf8Fields.TryParseNumber(Encoding.UTF8.GetBytes(text), out var fast))
        {
            Assert.True(Utf8Fields.TryParseNumberSlow(text, out var slow), text);
            Assert.Equal(BitConverter.DoubleToInt64Bits(slow), BitConverter.DoubleToInt64Bits(fast));
        }
    }

    [Fact]
    public void TryParseNumber_ManyRandomValues_AcceptedAndEqualToDoubleParse()
    {
        var random = new Random(7);
        var accepted = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var text = RandomNumberText(random);
            var fastOk = Utf8Fields.TryParseNumber(Encoding.UTF8.GetBytes(text), out var fast);
            var slowOk = Utf8Fields.TryParseNumberSlow(text, out var slow);
            if (fastOk)
            {
                accepted++;
                Assert.True(slowOk, text);
                Assert.True(BitConverter.DoubleToInt64Bits(slow) == BitConverter.DoubleToInt64Bits(fast), $"{text}: {fast:R} != {slow:R}");
            }
        }

        // The shapes EIA writes must take the fast path, or it would not be a fast path.
        Assert.True(accepted > 150_000, $"only {accepted} accepted");
    }

    [Theory]
    [InlineData("21,334", 21334.0)]
    [InlineData("-4,693", -4693.0)]
    [InlineData("166", 166.0)]
    [InlineData("12.5", 12.5)]
    [InlineData("1,234,567.25", 1234567.25)]
    public void TryParseNumber_EiaShapes_TakeTheFastPath(string text, double expected)
    {
        Assert.True(Utf8Fields.TryParseNumber(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryParseUsDateTime_ManyRandomTimes_AgreeWithParseExact()
    {
        var random = new Random(11);
        var accepted = 0;
        string[] layouts = ["M/d/yyyy h:mm:ss tt", "MM/dd/yyyy hh:mm:ss tt", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm tt"];
        for (var i = 0; i < 100_000; i++)
        {
            var time = new DateTime(1990, 1, 1).AddSeconds(random.NextInt64(0, 60L * 365 * 24 * 3600));
            var text = time.ToString(layouts[random.Next(layouts.Length)], CultureInfo.InvariantCulture);
            accepted += Check(text) ? 1 : 0;
        }

        Assert.True(accepted > 40_000, $"only {accepted} accepted");
    }

    [Theory]
    [InlineData("12/25/2025 9:00:00 AM")]
    [InlineData("12/25/2025 12:00:00 AM")]
    [InlineData("12/25/2025 12:00:00 PM")]
    [InlineData("2/29/2024 1:00:00 PM")]
    [InlineData("2/29/2025 1:00:00 PM")]
    [InlineData("13/1/2025 1:00:00 PM")]
    [InlineData("0/1/2025 1:00:00 PM")]
    [InlineData("1/0/2025 1:00:00 PM")]
    [InlineData("1/1/2025 0:00:00 AM")]
    [InlineData("1/1/2025 13:00:00 PM")]
    [InlineData("1/1/2025 1:60:00 PM")]
    [InlineData("1/1/2025 1:00:60 PM")]
    [InlineData("1/1/2025 1:00:00 am")]
    [InlineData("1/1/2025 1:00:00 XM")]
    [InlineData("1/1/2025 1:00:00")]
    [InlineData("1/1/25 1:00:00 AM")]
    [InlineData("001/1/2025 1:00:00 AM")]
    [InlineData("1/1/2025  1:00:00 AM")]
    [InlineData("1/1/2025 1:00:00 AM ")]
    [InlineData("2025-07-01 08:00:00")]
    public void TryParseUsDateTime_EdgeCases_AgreeWithParseExact(string text) => Check(text);

    [Theory]
    [InlineData("  PJM\t", "PJM", true)]
    [InlineData("", "", true)]
    [InlineData("   ", "", true)]
    [InlineData("\u00A0PJM", "", false)]
    [InlineData("PJM\u00A0", "", false)]
    [InlineData("P\u00E9M", "P\u00E9M", true)]
    public void TryTrimAscii_Values_TrimLikeStringTrimOrDecline(string text, string expected, bool plain)
    {
        var ok = Utf8Fields.TryTrimAscii(Encoding.UTF8.GetBytes(text), out var trimmed);

        Assert.Equal(plain, ok);
        if (ok)
        {
            Assert.Equal(expected, Encoding.UTF8.GetString(trimmed));
            Assert.Equal(text.Trim(), expected);
        }
    }

    [Fact]
    public void FormatIsoUtc_ManyTimes_EqualsToStringFormat()
    {
        var random = new Random(3);
        Span<byte> buffer = stackalloc byte[32];
        for (var i = 0; i < 10_000; i++)
        {
            var time = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            var n = Utf8Fields.FormatIsoUtc(time, buffer);
            Assert.Equal(time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), Encoding.ASCII.GetString(buffer[..n]));
        }
    }

    [Fact]
    public void FormatNumber_ManyDoubles_EqualsShortestRoundTripText()
    {
        var random = new Random(5);
        double[] special = [0.0, -0.0, 1e15, -1e15, 999_999_999_999_999, 1e16, 1e-7, 0.1, -4693, 21334.5, double.MaxValue, double.Epsilon, 123456789012345678];
        var values = special.Concat(Enumerable.Range(0, 100_000).Select(i => (i % 4) switch
        {
            0 => Math.Round((random.NextDouble() - 0.3) * 200_000),
            1 => Math.Round((random.NextDouble() - 0.5) * 2e6, 2),
            2 => BitConverter.Int64BitsToDouble(random.NextInt64()),
            _ => Math.Round(random.NextDouble() * Math.Pow(10, random.Next(0, 20))),
        })).Where(double.IsFinite);
        Span<byte> buffer = stackalloc byte[64];
        foreach (var value in values)
        {
            var n = BaHourlyCsvWriter.FormatNumber(value, buffer);
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Encoding.ASCII.GetString(buffer[..n]));
        }
    }

    private static bool Check(string text)
    {
        var fastOk = Utf8Fields.TryParseUsDateTime(Encoding.UTF8.GetBytes(text), out var fast);
        var slowOk = DateTime.TryParseExact(text, UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var slow);
        if (fastOk)
        {
            Assert.True(slowOk, text);
            Assert.Equal(slow, fast);
            Assert.Equal(slow.Kind, fast.Kind);
        }

        return fastOk;
    }

    private static string RandomNumberText(Random random)
    {
        var magnitude = random.Next(0, 5) switch
        {
            0 => random.Next(0, 1000),
            1 => random.NextInt64(0, 1_000_000),
            2 => random.NextInt64(0, 10_000_000_000),
            3 => random.NextInt64(0, 1_000_000_000_000_000),
            _ => random.Next(0, 100),
        };
        var negative = random.Next(4) == 0;
        var integer = random.Next(3) == 0 ? magnitude.ToString(CultureInfo.InvariantCulture) : magnitude.ToString("#,0", CultureInfo.InvariantCulture);
        var fraction = random.Next(3) == 0 ? "." + random.Next(0, 100_000).ToString(CultureInfo.InvariantCulture) : "";
        return (negative ? "-" : "") + integer + fraction;
    }
}
