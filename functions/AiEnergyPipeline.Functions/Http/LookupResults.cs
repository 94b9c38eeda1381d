using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Fetch;
using Microsoft.AspNetCore.Mvc;

namespace AiEnergyPipeline.Functions.Http;

internal static class LookupResults
{
    public const string RunIdHeader = "X-Run-Id";
    public const string RunModeHeader = "X-Run-Mode";

    /// <summary>Before the name a file of a sample run is saved under (Content-Disposition).</summary>
    public const string SampleFileNamePrefix = "SAMPLE-NOT-REAL-";

    /// <summary>What a cache may do with a file its run names: keep it, for a run's files never change.</summary>
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    /// <summary>What a cache may do with a file reached through latest.json: ask again (with its ETag) each time, for the next run replaces it.</summary>
    public const string RevalidateCacheControl = "no-cache";

    /// <summary>
    /// <see cref="ToResult"/>, with the file's run and that run's mode as response headers (a client that
    /// fetches a file without the listing can still tell a sample run's file: X-Run-Mode: sample), its
    /// Last-Modified, and how long a cache may keep it.
    /// </summary>
    /// <param name="byRun">Whether the request named the run (runs/{runId}/..., ?run=): then the answer never changes.</param>
    public static IActionResult ToResult(this DatasetLookup lookup, Microsoft.AspNetCore.Http.HttpRequest request, bool byRun)
    {
        var result = lookup.ToResult();
        if (lookup.Status == LookupStatus.Found)
        {
            var headers = request.HttpContext.Response.Headers;
            headers[RunIdHeader] = lookup.RunId;
            if (lookup.Mode is { } mode)
            {
                headers[RunModeHeader] = mode;
            }

            headers.CacheControl = byRun ? ImmutableCacheControl : RevalidateCacheControl;
            // The stream is checked against its sha256 as it goes, so it cannot seek and ASP.NET Core
            // cannot tell its length: say it, so that a HEAD gives a file's size and a client can
            // tell a download cut off (a file changed in the store ends short of it, never complete).
            request.HttpContext.Response.ContentLength = lookup.Object!.Info.Length;
            if (result is FileStreamResult file && lookup.Object!.Info.LastModified is { } lastModified)
            {
                // Also answers If-Modified-Since with 304, as the ETag answers If-None-Match.
                file.LastModified = lastModified;
            }

            if (result is FileStreamResult saved && lookup.Mode == RunMode.Sample && !string.IsNullOrEmpty(saved.FileDownloadName))
            {
                // The headers are gone once it is saved: its name says so too, beside its rows' origin column (a gap SVG or JSON has none).
                saved.FileDownloadName = SampleFileNamePrefix + saved.FileDownloadName;
            }
        }

        return result;
    }

    /// <summary>A file of a named run shown in the browser, not saved: no attachment disposition.</summary>
    public static IActionResult ToInlineResult(this DatasetLookup lookup, Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var result = lookup.ToResult(request, byRun: true);
        if (result is FileStreamResult file)
        {
            file.FileDownloadName = string.Empty;
        }

        return result;
    }

    /// <summary>Streams a found object (the result disposes it), or answers why there is none.</summary>
    public static IActionResult ToResult(this DatasetLookup lookup) => lookup.Status switch
    {
        LookupStatus.Found => new FileStreamResult(lookup.Object!.Content, lookup.Object.Info.ContentType ?? ContentTypes.ForExtension(Path.GetExtension(lookup.FileName!)))
        {
            FileDownloadName = lookup.FileName,
            EntityTag = Microsoft.Net.Http.Headers.EntityTagHeaderValue.TryParse(lookup.Object.Info.ETag, out var etag) ? etag : null,
        },
        LookupStatus.Invalid => Problems.BadRequest(lookup.Field!, lookup.Message),
        LookupStatus.Unavailable => Problems.Status(Microsoft.AspNetCore.Http.StatusCodes.Status503ServiceUnavailable, "The published data is damaged", lookup.Message),
        _ => Problems.NotFound(lookup.Message),
    };
}
