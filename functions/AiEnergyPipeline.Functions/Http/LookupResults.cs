using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Storage;
using Microsoft.AspNetCore.Mvc;

namespace AiEnergyPipeline.Functions.Http;

internal static class LookupResults
{
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
