using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AiEnergyPipeline.Functions.Http;

/// <summary>
/// The answers of the reading endpoints when the store fails them: 503 problem details naming the
/// cause (a store that is down or refuses, a damaged latest.json or run), never an unhandled
/// exception, whose 500 would say nothing and whose stack trace would go to the logs alone.
/// </summary>
internal static class StoreProblems
{
    public static async Task<IActionResult> GuardAsync(Func<Task<IActionResult>> read)
    {
        try
        {
            return await read();
        }
        catch (DamagedRunException e)
        {
            return Damaged(e.Message);
        }
        catch (DamagedFileException e)
        {
            // Read before any byte was answered (a headline, the gap's rows): the file is not the one published.
            return Damaged(e.Message);
        }
        catch (Exception e) when (StorageFailures.IsStorageFailure(e))
        {
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "The store cannot be read", $"reading the store failed: {StorageFailures.Describe(e)}");
        }
    }

    /// <summary>503: the published data is damaged; the next run replaces it.</summary>
    public static ObjectResult Damaged(string problem) =>
        Problems.Status(StatusCodes.Status503ServiceUnavailable, "The published data is damaged", PublishedDatasets.Unavailable(problem));
}
