using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Sources.Curated;
using System.Text;
using static AiEnergyPipeline.Tests.Recompute.RecomputeSamples;

namespace AiEnergyPipeline.Tests.Recompute;

/// <summary>
/// Thousands of broken bodies from a fixed seed: the parser must never throw, and must answer
/// either a valid request that keeps every rule or at least one error.
/// </summary>
public class RecomputeParserFuzzTests
{
    private const int Seed = 20261127;
    private const int Bodies = 4000;

    private static readonly string[] Corpus =
    [
        "{}",
        """{"assumptions": {"reserve_margin": 0.2, "accreditation_factor.solar_pv": 0.15}, "scenarios": [{"scenario_id": "my_case", "source": "Me", "url": "https://example.org/a", "points": [{"year": 2028, "ai_load_gw": 60}, {"year": 2030, "ai_load_gw": 90}]}], "base_year": 2025, "horizon_year": 2030}""",
        """{"scenarios": [{"scenario_id": "epri_2024_high", "points": [{"year": 2025, "ai_load_gw": 0}]}, {"scenario_id": "b", "source": "S", "url": "http://x.org/", "points": [{"year": 2031, "ai_load_gw": 1.5e2}]}]}""",
        """{"assumptions": {"base_year": 2024, "horizon_year": 2029, "us_electricity_consumption_twh.2023": 4000, "mystery_quantity": 3}}""",
    ];

    /// <summary>Values swapped in for others: wrong types, edge numbers, odd text.</summary>
    private static readonly string[] Values =
    [
        "null", "true", "[]", "{}", "\"2028\"", "2028.5", "-0", "0", "1", "-1", "1e400", "-1e400", "1e-400",
        "99999999999999999999999999", "2.028e3", "\"\\ud800\"", "\"\\u0000\"", "\"é😀\"", "\"\"", "[{}]",
        "{\"year\": 2028}", "\"https://example.org\"", "NaN", "Infinity",
    ];

    /// <summary>Text inserted at random: structure, escapes and multi-byte characters.</summary>
    private static readonly string[] Inserts =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud83d", "-", ".", "e", "//", "/*", "\u00a0", "é", "😀",
        "\"reserve_margin\": 0.3", "\"base_year\": 2026", "\"x\": 1", "\uFEFF",
    ];

    [Fact]
    public async Task ParseAsync_MalformedBodies_NeverThrowAndAlwaysAnswer()
    {
        var random = new Random(Seed);
        var outcomes = new Dictionary<bool, int> { [true] = 0, [false] = 0 };
        for (var i = 0; i < Bodies; i++)
        {
            var body = Mutate(random, Encoding.UTF8.GetBytes(Corpus[random.Next(Corpus.Length)]));

            RecomputeParseResult result;
            try
            {
                result = await ParseAsync(body);
            }
            catch (Exception e)
            {
                Assert.Fail($"body {i} threw {e.GetType().Name}: {e.Message}\nbody: {Show(body)}");
                throw;
            }

            AssertAnswered(result, i, body);
            outcomes[result.IsValid]++;
        }

        // The mutations must reach both answers, else the test would prove little.
        Assert.True(outcomes[true] > 50, $"only {outcomes[true]} valid bodies");
        Assert.True(outcomes[false] > Bodies / 2, $"only {outcomes[false]} invalid bodies");
    }

    private static void AssertAnswered(RecomputeParseResult result, int i, byte[] body)
    {
        var context = $"body {i}: {Show(body)}";
        if (result.IsValid)
        {
            Assert.Empty(result.Errors);
            var request = result.Request;
            Assert.All(request.Assumptions, a => Assert.Null(Limits.Check(Limits.Assumption(a.Key)!, a.Value)));
            Assert.All(request.Scenarios, s =>
            {
                Assert.NotEmpty(s.Points);
                Assert.All(s.Points, p => Assert.True(p.Year is >= MinYear and <= MaxYear && p.AiLoadGw >= 0 && double.IsFinite(p.AiLoadGw), context));
                Assert.Equal(s.Points.Count, s.Points.Select(p => p.Year).Distinct().Count());
                Assert.True(s.ReplacesPublished || (s.Source is not null && s.Url is not null), context);
            });
            if (request.BaseYear is { } b && request.HorizonYear is { } h)
            {
                Assert.True(b <= h, context);
            }
        }
        else
        {
            Assert.Null(result.Request);
            Assert.NotEmpty(result.Errors);
            Assert.All(result.Errors, e => Assert.True(e.Value.Length > 0 && e.Value.All(m => m.Length > 0), context));
        }
    }

    private static byte[] Mutate(Random random, byte[] body)
    {
        var rounds = random.Next(1, 4);
        for (var r = 0; r < rounds; r++)
        {
            body = random.Next(7) switch
            {
                0 => body[..random.Next(body.Length + 1)],
                1 => FlipBytes(random, body),
                2 => SwapValue(random, body),
                3 => Insert(random, body, Inserts[random.Next(Inserts.Length)]),
                4 => Nest(random, body),
                5 => Insert(random, body, HugeNumber(random)),
                _ => Insert(random, body, RandomText(random)),
            };
        }

        return body;
    }

    private static byte[] FlipBytes(Random random, byte[] body)
    {
        var copy = (byte[])body.Clone();
        for (var n = random.Next(1, 4); n > 0 && copy.Length > 0; n--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    /// <summary>Replaces a number or string in the body by another value, often of another type.</summary>
    private static byte[] SwapValue(Random random, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var starts = Enumerable.Range(0, text.Length)
            .Where(i => (char.IsAsciiDigit(text[i]) || text[i] == '"') && (i == 0 || text[i - 1] is ' ' or ':' or '['))
            .ToList();
        if (starts.Count == 0)
        {
            return body;
        }

        var start = starts[random.Next(starts.Count)];
        var end = start + 1;
        if (text[start] == '"')
        {
            while (end < text.Length && text[end] != '"')
            {
                end++;
            }

            end = Math.Min(end + 1, text.Length);
        }
        else
        {
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or 'e' or '-' or '+'))
            {
                end++;
            }
        }

        return Encoding.UTF8.GetBytes(text[..start] + Values[random.Next(Values.Length)] + text[end..]);
    }

    private static byte[] Insert(Random random, byte[] body, string text)
    {
        var at = random.Next(body.Length + 1);
        return [.. body.AsSpan(0, at), .. Encoding.UTF8.GetBytes(text), .. body.AsSpan(at)];
    }

    /// <summary>Wraps a value in many arrays, or the whole body in many objects.</summary>
    private static byte[] Nest(Random random, byte[] body)
    {
        var depth = random.Next(1, 40);
        return random.Next(2) == 0
            ? Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + Encoding.UTF8.GetString(body) + new string('}', depth))
            : Insert(random, body, new string('[', depth) + "1" + new string(']', depth));
    }

    private static string HugeNumber(Random random)
    {
        var digits = new string('9', random.Next(1, 5000));
        return random.Next(3) switch
        {
            0 => digits,
            1 => "-" + digits + "." + digits,
            _ => "1e" + digits,
        };
    }

    private static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        for (var n = random.Next(1, 12); n > 0; n--)
        {
            // Any code point but lone surrogates, which UTF-8 cannot carry (flipped bytes cover broken UTF-8).
            int cp;
            do
            {
                cp = random.Next(3) == 0 ? random.Next(0x20, 0x7f) : random.Next(0, 0x110000);
            }
            while (cp is >= 0xD800 and <= 0xDFFF);
            sb.Append(char.ConvertFromUtf32(cp));
        }

        return sb.ToString();
    }

    private static string Show(byte[] body) =>
        body.Length <= 300 ? Encoding.UTF8.GetString(body) : Encoding.UTF8.GetString(body, 0, 300) + $"… ({body.Length} bytes)";
}
