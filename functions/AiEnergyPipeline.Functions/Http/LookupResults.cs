using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Storage;
using Microsoft.AspNetCore.Mvc;

namespace AiEnergyPipeline.Functions.Http;

internal static class LookupResults
{
    public const string RunIdHeader = "X-Run-Id";
    public const string RunModeHeader = "X-Run-Mode";

    /// <summary>
    /// <see cref="ToResult"/>, with the file's run and that run's mode as response headers: a client that
    /// fetches a file without the listing can still tell a sample run's file (X-Run-Mode: sample).
    /// </summary>
    public static IActionResult ToResult(this DatasetLookup lookup, Microsoft.AspNetCore.Http.HttpRequest request)
    {
        if (lookup.Status == LookupStatus.Found)
        {
            request.HttpContext.Response.Headers[RunIdHeader] = lookup.RunId;
            if (lookup.Mode is { } mode)
            {
                request.HttpContext.Response.Headers[RunModeHeader] = mode;
            }
        }

        return lookup.ToResult();
    }

    /// <summary><see cref="ToResult(DatasetLookup, Microsoft.AspNetCore.Http.HttpRequest)"/> for a file shown in the browser, not saved: no attachment disposition.</summary>
    public static IActionResult ToInlineResult(this DatasetLookup lookup, Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var result = lookup.ToResult(request);
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
