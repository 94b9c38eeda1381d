using System.Buffers;
using System.Text;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// Masks secrets in bytes as they pass, so that a response can be stored without being held whole:
/// only the last few bytes of a chunk, which could begin a secret that the next chunk ends, are
/// held back. Made by <see cref="SecretRedactor.NewMasker"/>; one masker per stream of bytes.
/// </summary>
/// <remarks>
/// Bytes, not text: UTF-8 never puts one character's bytes inside another's, so a secret's UTF-8
/// bytes are found exactly where its text is, and bytes that are not valid UTF-8 pass unchanged.
/// </remarks>
public sealed class SecretMasker
{
    private static readonly byte[] MaskBytes = Encoding.UTF8.GetBytes(SecretRedactor.Mask);
    private readonly byte[][] _secrets;
    private readonly SearchValues<byte> _firstBytes;
    private readonly int _longest;
    private byte[] _pending = new byte[1 << 12];
    private int _pendingLength;

    internal SecretMasker(IEnumerable<string> secrets)
    {
        // Longest first: where one secret begins another, the whole of the longer is masked.
        _secrets = [.. secrets.Select(Encoding.UTF8.GetBytes).OrderByDescending(s => s.Length)];
        _firstBytes = SearchValues.Create([.. _secrets.Select(s => s[0]).Distinct()]);
        _longest = _secrets.Length == 0 ? 0 : _secrets[0].Length;
    }

    /// <summary>
    /// Takes the next bytes and writes to <paramref name="output"/> every byte that can no longer
    /// begin a secret, secrets replaced by <see cref="SecretRedactor.Mask"/>. The last call has
    /// <paramref name="final"/> true (with or without bytes): it writes what was held back.
    /// </summary>
    public void Mask(ReadOnlySpan<byte> input, bool final, IBufferWriter<byte> output)
    {
        if (_secrets.Length == 0)
        {
            output.Write(input);
            return;
        }

        var needed = _pendingLength + input.Length;
        if (needed > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(needed, _pending.Length * 2));
        }

        input.CopyTo(_pending.AsSpan(_pendingLength));
        var text = _pending.AsSpan(0, needed);

        // A secret that begins before `decided` ends within the bytes at hand; later ones may not.
        var decided = final ? needed : Math.Max(0, needed - (_longest - 1));
        var emitted = 0;
        var i = 0;
        while (i < decided)
        {
            var next = text[i..decided].IndexOfAny(_firstBytes);
            if (next < 0)
            {
                i = decided;
                break;
            }

            i += next;
            var length = MatchAt(text, i);
            if (length == 0)
            {
                i++;
                continue;
            }

            output.Write(text[emitted..i]);
            output.Write(MaskBytes);
            i += length;
            emitted = i;
        }

        output.Write(text[emitted..i]);
        var kept = needed - i;
        text[i..].CopyTo(_pending);
        _pendingLength = kept;
    }

    private int MatchAt(ReadOnlySpan<byte> text, int at)
    {
        foreach (var secret in _secrets)
        {
            if (text[at..].StartsWith(secret))
            {
                return secret.Length;
            }
        }

        return 0;
    }
}
