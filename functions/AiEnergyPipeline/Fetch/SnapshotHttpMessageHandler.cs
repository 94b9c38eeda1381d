using System.Net;
using System.Net.Http.Headers;
using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// Answers the sources' HTTP requests from a snapshot, so that an offline run goes through exactly
/// the code a live run does (paging, resilience, archiving). Every answer says, in the request's
/// options (<see cref="SnapshotAnswer"/>), which file answered and whether it is a sample written by
/// this project or a recording of a live answer: provenance then never mistakes either for a fetch.
/// A recorded file is served with the validators it was recorded with, and a conditional request
/// that matches them is answered 304, as the live server answered it. That 304 vouches for a copy
/// of this recording only: the fetcher asks again, unconditionally, for a copy fetched live.
/// </summary>
public sealed class SnapshotHttpMessageHandler(Snapshot snapshot) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = request.RequestUri is { } uri ? snapshot.Find(uri) : null;
        if (route is null)
        {
            return NotFound(request, $"The snapshot at {snapshot.Root} has no route for {request.RequestUri?.GetLeftPart(UriPartial.Path)}.");
        }

        var file = snapshot.FilePath(route);
        if (!File.Exists(file))
        {
            return NotFound(request, $"The snapshot file {route.File} is missing from {snapshot.Root}.");
        }

        request.Options.Set(SnapshotAnswer.Key, new SnapshotAnswer(route.InputOrigin, route.File, route.SampleOf, route.RecordedAt));
        if (route.InputOrigin == InputOrigin.Recorded && IsNotModified(request, route))
        {
            var notModified = new HttpResponseMessage(HttpStatusCode.NotModified) { RequestMessage = request };
            AddValidators(notModified, route);
            return Task.FromResult(notModified);
        }

        var content = new StreamContent(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true));
        content.Headers.TryAddWithoutValidation("Content-Type", route.ContentType ?? ContentTypes.ForExtension(Path.GetExtension(file)));
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content };
        if (route.InputOrigin == InputOrigin.Recorded)
        {
            // A sample has no validators of its own: it is small and read whole every time.
            AddValidators(response, route);
        }

        return Task.FromResult(response);
    }

    /// <summary>
    /// RFC 9110 13.1.3 and 13.2.2: If-None-Match, when the request has it, alone decides (weak
    /// comparison); If-Modified-Since counts only without it. A file whose ETag changed while its
    /// Last-Modified did not (one-second resolution, a server that keeps it) is then answered whole.
    /// </summary>
    private static bool IsNotModified(HttpRequestMessage request, SnapshotRoute route)
    {
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            var current = route.ETag is { } recorded && EntityTagHeaderValue.TryParse(recorded, out var parsed) ? parsed.Tag : null;
            return request.Headers.IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || (current is not null && t.Tag == current));
        }

        return route.LastModified is { } text && request.Headers.IfModifiedSince is { } since
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var lastModified)
            && lastModified <= since;
    }

    private static void AddValidators(HttpResponseMessage response, SnapshotRoute route)
    {
        if (route.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var parsed))
        {
            response.Headers.ETag = parsed;
        }

        if (route.LastModified is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var lastModified))
        {
            response.Content ??= new ByteArrayContent([]);
            response.Content.Headers.LastModified = lastModified;
        }
    }

    private static Task<HttpResponseMessage> NotFound(HttpRequestMessage request, string message) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request, Content = new StringContent(message) });
}
