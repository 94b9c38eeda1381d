using AiEnergyPipeline.Tables;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace AiEnergyPipeline.Recompute;

/// <summary>
/// Parses and validates a <c>POST /api/recompute</c> body (the same format as
/// <c>aienergy recompute --assumptions FILE</c>). It never throws for a bad body: the result holds
/// either the valid request or every invalid field, so the caller answers 400 with all of them at
/// once and publishes nothing.
/// </summary>
public static class RecomputeRequestParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = RecomputeLimits.MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>
    /// Reads at most <see cref="RecomputeLimits.MaxBodyBytes"/> + 1 bytes of <paramref name="body"/>
    /// and validates them against <paramref name="limits"/>. An empty body, or one of only
    /// whitespace, is the empty request. Only a failing stream or cancellation throws.
    /// </summary>
    public static async Task<RecomputeParseResult> ParseAsync(Stream body, RecomputeLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var read = await ReadAsync(body, cancellationToken);
        return read.Problem ?? Parse(read.Utf8, limits);
    }

    /// <summary>
    /// Reads at most <see cref="RecomputeLimits.MaxBodyBytes"/> + 1 bytes of <paramref name="body"/>
    /// and checks what needs no run's limits (size, UTF-8, JSON syntax, an object), so that a body
    /// that can never pass is refused before anything is swept or read from the store.
    /// </summary>
    /// <returns>The bytes, and the invalid result when they already fail; pass the bytes to <see cref="Parse"/>.</returns>
    public static async Task<(ReadOnlyMemory<byte> Utf8, RecomputeParseResult? Problem)> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = await BoundedBody.ReadAsync(body, RecomputeLimits.MaxBodyBytes, cancellationToken);
        if (bytes is not { } utf8)
        {
            return (ReadOnlyMemory<byte>.Empty, TooLong());
        }

        var (_, document, problem) = Open(utf8);
        document?.Dispose();
        return (utf8, problem);
    }

    /// <summary>Validates a body already in memory; the same rules as <see cref="ParseAsync"/>.</summary>
    public static RecomputeParseResult Parse(ReadOnlyMemory<byte> utf8, RecomputeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var (empty, document, problem) = Open(utf8);
        if (problem is not null || empty)
        {
            return problem ?? RecomputeParseResult.Valid(RecomputeRequest.Empty);
        }

        using (document)
        {
            var errors = new ValidationErrors();
            var request = new RequestReader(limits, errors).Read(document!.RootElement);
            return errors.Any ? RecomputeParseResult.Invalid(errors.ToDictionary()) : RecomputeParseResult.Valid(request);
        }
    }

    /// <summary>
    /// The checks that need no limits: size, a byte order mark, nothing but whitespace (the empty
    /// request), UTF-8, JSON syntax and an object at the root. The document is the caller's to dispose.
    /// </summary>
    private static (bool Empty, JsonDocument? Document, RecomputeParseResult? Problem) Open(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Length > RecomputeLimits.MaxBodyBytes)
        {
            return (false, null, TooLong());
        }

        // A UTF-8 byte order mark is tolerated, as JsonDocument.Parse(Stream) does.
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        if (utf8.Span.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return (true, null, null);
        }

        // Checked up front so that no string read later can meet broken UTF-8.
        if (!Utf8.IsValid(utf8.Span))
        {
            return (false, null, BodyError($"the body is not valid UTF-8 (first bad byte at offset {FirstInvalidUtf8(utf8.Span)})"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            return (false, null, BodyError(Malformed(e)));
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = JsonValues.Kind(document.RootElement);
            document.Dispose();
            return (false, null, BodyError($"the body must be a JSON object, not {kind}"));
        }

        return (false, document, null);
    }

    private static RecomputeParseResult TooLong() =>
        BodyError($"the body is over {RecomputeLimits.MaxBodyBytes:N0} bytes (1 MiB), the most a recompute request may be");

    private static RecomputeParseResult BodyError(string message)
    {
        var errors = new ValidationErrors();
        errors.Add(ValidationErrors.Body, message);
        return RecomputeParseResult.Invalid(errors.ToDictionary());
    }

    /// <summary>The reader's reason with a 1-based line and byte, instead of its 0-based "LineNumber: 0 | BytePositionInLine: 5.".</summary>
    private static string Malformed(JsonException e)
    {
        var reason = e.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        }

        reason = (cut >= 0 ? reason[..cut] : reason).TrimEnd();
        var where = e.LineNumber is { } line && e.BytePositionInLine is { } position
            ? $" at line {line + 1}, byte {position + 1}"
            : "";
        return $"malformed JSON{where}: {JsonValues.Show(reason, 200)}";
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }
}
