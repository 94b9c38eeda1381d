using System.Globalization;
using System.Text.Json;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace AiEnergyPipeline.IntegrationTests.Sources.Eia930;

/// <summary>
/// A stand-in for EIA API v2 rto/region-data on a local Kestrel server: serves <c>rows</c> rows
/// by offset and length, echoes the request (api_key included, as the real API does), and lets a
/// test inject faults per request.
/// </summary>
internal static class ApiPageServer
{
    public const string Route = "v2/electricity/rto/region-data/data/";

    /// <param name="fault">Called first for every request with its number (1-based); returns true when it answered instead.</param>
    public static Task<LocalHttpServer> StartAsync(int rows, bool totalAsNumber = false, int? claimedTotal = null, Func<int, HttpContext, Task<bool>>? fault = null, string respondent = "PJM")
    {
        var requestNumber = 0;
        return LocalHttpServer.StartAsync(async context =>
        {
            var number = Interlocked.Increment(ref requestNumber);
            if (fault is not null && await fault(number, context))
            {
                return;
            }

            var offset = int.Parse(context.Request.Query["offset"]!, CultureInfo.InvariantCulture);
            var length = int.Parse(context.Request.Query["length"]!, CultureInfo.InvariantCulture);
            var data = Enumerable.Range(offset, Math.Max(0, Math.Min(length, rows - offset))).Select(i => Row(i, respondent)).ToList();
            var total = claimedTotal ?? rows;
            var page = new
            {
                response = new
                {
                    warnings = new[] { new { warning = "incomplete return", description = "The API can only return 5000 rows in JSON format." } },
                    total = totalAsNumber ? (object)total : total.ToString(CultureInfo.InvariantCulture),
                    data,
                },
                request = new
                {
                    command = "/v2/electricity/rto/region-data/data/",
                    @params = new { api_key = context.Request.Query["api_key"].ToString(), offset = offset.ToString(CultureInfo.InvariantCulture), length = length.ToString(CultureInfo.InvariantCulture) },
                },
                apiVersion = "2.1.8",
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(page));
        });
    }

    /// <summary>Row i: hour i / 4, one of four series; rows sort by period, then type.</summary>
    public static Dictionary<string, string> Row(int i, string respondent) => new()
    {
        ["period"] = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i / 4).ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture),
        ["respondent"] = respondent,
        ["respondent-name"] = respondent + " (test)",
        ["type"] = new[] { "D", "DF", "NG", "TI" }[i % 4],
        ["value"] = (90000 + i).ToString(CultureInfo.InvariantCulture),
        ["value-units"] = "megawatthours",
    };
}
