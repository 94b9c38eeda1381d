using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// Downloads one file of a source straight into the raw archive, streaming: the way every
/// file-based source (CSV, workbook) fetches. The body is written once, hashed as it is written,
/// into the archive's work folder by the whole-body retry handler (<see cref="BodyDestination"/>),
/// and that file is what the store takes and the normaliser reads. Requests are conditional when the last download of
/// the same file from the same URL left validators (<see cref="FetchState"/>): a 304 Not Modified
/// costs one small request and reuses the archived bytes, when it comes from the kind of answerer
/// the copy came from (a live server for a fetched copy, a recorded snapshot for a recorded one);
/// else the file is asked for again, whole, and takes the provenance of that answer. A server without validators is answered
/// in full, and the sha256 of the bytes then says whether anything changed. Failures become a
/// <see cref="SourceException"/> that names the source, the file and the cause.
/// </summary>
public sealed class HttpFileFetcher(HttpClient http, SecretRedactor redactor, TimeProvider time)
{
    /// <summary>How many leading bytes a head check sees.</summary>
    public const int HeadLength = 512;

    /// <param name="checkHead">
    /// Looks at the first bytes before anything is archived and returns why they are wrong, or null:
    /// servers answer a missing workbook with an HTML page and status 200.
    /// </param>
    /// <param name="prepare">Sets what a server wants beyond a plain GET (a method, headers); secrets set here stay out of every message.</param>
    public async Task<FetchedFile> FetchAsync(string source, Uri url, string fileName, string extension, RawArchive archive, CancellationToken cancellationToken, Func<ReadOnlyMemory<byte>, string?>? checkHead = null, Action<HttpRequestMessage>? prepare = null)
    {
        BodyDestination? destination = null;
        try
        {
            var redactedUrl = redactor.RedactUrl(url);
            var previous = await ConditionalOnAsync(source, fileName, redactedUrl, archive, cancellationToken);
            if (previous is { FetchedAtUtc: { } checkedAt } && checkedAt >= archive.CheckedSince)
            {
                // Asked for already in this run (the plan's search): one request a file, not two.
                return previous.ToFetchedFile(archive.NewLocalPath(source, extension));
            }

            // At most twice: a 304 from another kind of answerer than the copy's is asked again, unconditionally.
            for (var conditionalOn = previous; ; conditionalOn = null)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                prepare?.Invoke(request);
                // The whole-body retry handler downloads the body straight into the archive's work folder, hashing it.
                destination = new BodyDestination(archive.NewLocalPath(source, extension));
                Directory.CreateDirectory(Path.GetDirectoryName(destination.Path)!);
                request.Options.Set(BodyDestination.Key, destination);
                archive.DownloadStarting?.Invoke(destination);
                if (conditionalOn is not null)
                {
                    AddValidators(request, conditionalOn);
                }

                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.StatusCode == System.Net.HttpStatusCode.NotModified && conditionalOn is not null)
                {
                    if (SnapshotAnswer.OriginOf(response) != conditionalOn.Origin)
                    {
                        // A snapshot vouching for a copy fetched live, or a live server for a recorded copy: the
                        // archived copy would keep a provenance that this answer does not give. Ask for the bytes.
                        destination.Abandon("not modified (304) for a copy of another origin: asked again, whole");
                        continue;
                    }

                    var unchanged = NotModified(conditionalOn, SnapshotAnswer.Of(response), archive.NewLocalPath(source, extension));
                    await FetchState.Of(unchanged).WriteAsync(archive.Store, cancellationToken);
                    return unchanged;
                }

                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    // The handlers below follow a bounded number of redirects: one still answered is a loop, or a way off https.
                    throw new SourceException(source, fileName, redactor.Redact(
                        $"{HttpResponses.Describe(response)}: {redactedUrl} kept redirecting (last to {location}): a redirect loop, or from https to http, which is not followed.")) { StatusCode = response.StatusCode };
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new SourceException(source, fileName, redactor.Redact(await HttpResponses.DescribeWithBodyAsync(response, cancellationToken))) { StatusCode = response.StatusCode };
                }

                var provenance = SourceProvenance.Of(response, redactedUrl, time.GetUtcNow());
                FetchedFile file;
                await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
                {
                    var head = new byte[HeadLength];
                    var headLength = await body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
                    if (checkHead?.Invoke(head.AsMemory(0, headLength)) is { } problem)
                    {
                        throw new SourceException(source, fileName, problem) { RejectedByHeadCheck = true };
                    }

                    if (!destination.IsComplete)
                    {
                        // A client without the whole-body retry handler: the body is read here, and written once.
                        await using var whole = new HeadThenRestStream(head.AsMemory(0, headLength), body);
                        file = await archive.ArchiveAsync(source, fileName, extension, whole, provenance, cancellationToken);
                        await FetchState.Of(file).WriteAsync(archive.Store, cancellationToken);
                        return file;
                    }
                }

                // Closed before the store takes the file (a folder store moves it in).
                response.Content.Dispose();
                file = await archive.ArchiveDownloadedAsync(source, fileName, extension, destination.Path, destination.Sha256!, destination.Bytes, provenance, cancellationToken);
                await FetchState.Of(file).WriteAsync(archive.Store, cancellationToken);
                return file;
            }
        }
        catch (Exception e) when ((HttpResponses.IsRequestFailure(e) || e is IOException) && !cancellationToken.IsCancellationRequested)
        {
            throw new SourceException(source, fileName, redactor.Redact($"download failed: {e.Message}"));
        }
        finally
        {
            // Whoever waits for the body to start is told it will not (a 304, an error, a client without the retry handler).
            destination?.Abandon("the fetch ended without a body in this file");
        }
    }

    private static void AddValidators(HttpRequestMessage request, FetchState previous)
    {
        if (previous.Etag is { } etag && System.Net.Http.Headers.EntityTagHeaderValue.TryParse(etag, out var parsed))
        {
            request.Headers.IfNoneMatch.Add(parsed);
        }

        if (previous.LastModified is { } lastModified && DateTimeOffset.TryParse(lastModified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }
    }

    /// <summary>
    /// The archived copy, as a 304 from the kind of answerer it came from vouches for it. A live
    /// server's 304 confirms the copy at the source now, as a download would have: it counts as
    /// fetched now (and the state says so, for the rest of this run). A recording's 304 says that it
    /// holds these bytes: the file stays recorded, at the time the answering recording was made
    /// (that of the copy when the same recording answers); nothing was fetched, so no fetch time.
    /// </summary>
    private FetchedFile NotModified(FetchState previous, SnapshotAnswer? answer, string localPath)
    {
        var file = previous.ToFetchedFile(localPath);
        return answer is null
            ? file with { FetchedAtUtc = time.GetUtcNow() }
            : file with { RecordedAtUtc = answer.RecordedAtUtc ?? previous.RecordedAtUtc };
    }

    /// <summary>The last fetch of this file from this URL, when it left a validator and its bytes are still archived; else null (fetch it whole).</summary>
    private static async Task<FetchState?> ConditionalOnAsync(string source, string fileName, string redactedUrl, RawArchive archive, CancellationToken cancellationToken)
    {
        var state = await FetchState.ReadAsync(archive.Store, source, fileName, cancellationToken);
        return state is not null && state.Url == redactedUrl && (state.Etag is not null || state.LastModified is not null)
            && await archive.Store.GetInfoAsync(state.RawPath, cancellationToken) is not null
                ? state
                : null;
    }
}

/// <summary>Bytes already read from the start of a stream, then the rest of it: a read-only, forward-only stream.</summary>
internal sealed class HeadThenRestStream(ReadOnlyMemory<byte> head, Stream rest) : Storage.ForwardOnlyReadStream
{
    private ReadOnlyMemory<byte> _head = head;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_head.IsEmpty)
        {
            return rest.Read(buffer);
        }

        var n = Math.Min(buffer.Length, _head.Length);
        _head.Span[..n].CopyTo(buffer);
        _head = _head[n..];
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_head.IsEmpty)
        {
            return await rest.ReadAsync(buffer, cancellationToken);
        }

        var n = Math.Min(buffer.Length, _head.Length);
        _head[..n].CopyTo(buffer);
        _head = _head[n..];
        return n;
    }
}
