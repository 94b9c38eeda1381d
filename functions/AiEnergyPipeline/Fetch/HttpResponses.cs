using System.Text;

namespace AiEnergyPipeline.Fetch;

internal static class HttpResponses
{
    /// <summary>The first bytes of an error body, for a message: bodies of failed calls explain them.</summary>
    public static async Task<string> ReadErrorExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[2048];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, total).ReplaceLineEndings(" ").Trim();
            return text.Length > 300 ? text[..300] + "..." : text;
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return "";
        }
    }

    public static string Describe(HttpResponseMessage response) =>
        $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
}
