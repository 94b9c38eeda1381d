using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// One answer of <see cref="FaultServer"/> to one request for a snapshot file: the file itself,
/// an error status, or the file broken in one of the ways real servers break it.
/// </summary>
public sealed record Fault(string Name, Func<HttpContext, byte[], Task> Respond)
{
    public override string ToString() => Name;

    /// <summary>The file, whole, with its Content-Length.</summary>
    public static Fault Ok { get; } = new("ok", (context, file) => WriteAsync(context, file, file.Length));

    public static Fault Status(int status, string body = "Internal error, try later") => new($"status {status}", async (context, _) =>
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(body);
    });

    public static Fault TooManyRequests(int retryAfterSeconds) => new($"429 retry after {retryAfterSeconds} s", async (context, _) =>
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.Response.WriteAsync("Too many requests");
    });

    /// <summary>Headers and the first bytes, then nothing, with the connection held open until the client gives up.</summary>
    public static Fault StallBody(int afterBytes) => new($"stall after {afterBytes} bytes", async (context, file) =>
    {
        await WriteAsync(context, file, afterBytes);
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client hung up, as it should.
        }
    });

    /// <summary>Headers without a length, then the file's first line again and again, one every <paramref name="interval"/>, until the client hangs up: never idle, never done.</summary>
    public static Fault Trickle(TimeSpan interval) => new($"a line every {interval.TotalMilliseconds} ms", async (context, file) =>
    {
        var line = file.AsMemory(0, Math.Max(1, Array.IndexOf(file, (byte)'\n') + 1));
        try
        {
            while (true)
            {
                await context.Response.Body.WriteAsync(line, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(interval, context.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client gave up, as it should.
        }
    });

    /// <summary>No headers at all: the connection is held open until the client gives up.</summary>
    public static Fault StallHeaders { get; } = new("no headers", async (context, _) =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client timed out and hung up, as it should.
        }
    });

    /// <summary>The full Content-Length announced, the first bytes sent, then the connection reset.</summary>
    public static Fault CutBody(int afterBytes) => new($"cut after {afterBytes} bytes", async (context, file) =>
    {
        await WriteAsync(context, file, afterBytes);
        // Long enough for the client to have the headers and be reading the body.
        await Task.Delay(200);
        context.Abort();
    });

    public static Fault Html { get; } = new("html page with status 200", (context, _) =>
    {
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync("<!DOCTYPE html><html><head><title>Maintenance</title></head><body>We are down for maintenance.</body></html>");
    });

    public static Fault Empty { get; } = new("empty file", (context, _) =>
    {
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    });

    /// <summary>The file with a header cell renamed (a CSV's first line, or a workbook's shared strings), so a required column is gone.</summary>
    public static Fault LostColumn(string column) => Changed($"lost column {column}", file => RenameHeader(file, column, column + " (withdrawn)"));

    /// <summary>A CSV with its data rows repeated <paramref name="times"/> times, each copy's rows changed by <paramref name="copy"/> (copy number, line) so they stay distinct.</summary>
    public static Fault Large(int times, Func<int, string, string> copy) => Changed($"{times}x larger", file =>
    {
        var lines = Encoding.UTF8.GetString(file).TrimEnd('\r', '\n').Split('\n');
        var text = new StringBuilder(lines[0]).Append('\n');
        for (var i = 0; i < times; i++)
        {
            foreach (var line in lines.Skip(1))
            {
                text.Append(copy(i, line.TrimEnd('\r'))).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    });

    /// <summary>An EIA API page whose request echo carries the caller's real api_key, as the live API's does.</summary>
    public static Fault EchoKey { get; } = new("page echoing the key", (context, file) =>
    {
        var echoed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(file).Replace("\"api_key\":\"REDACTED\"", $"\"api_key\":\"{context.Request.Query["api_key"]}\"", StringComparison.Ordinal));
        Assert.NotEqual(file, echoed);
        return WriteAsync(context, echoed, echoed.Length);
    });

    /// <summary>An error status whose body (and a header) repeat the caller's api_key, as some APIs' error pages do.</summary>
    public static Fault StatusEchoingKey(int status) => new($"status {status} echoing the key", async (context, _) =>
    {
        var key = context.Request.Query["api_key"].ToString();
        context.Response.StatusCode = status;
        context.Response.Headers["X-Request-Echo"] = "api_key=" + key;
        await context.Response.WriteAsync($"{{\"error\":\"API_KEY_INVALID: the key {key} is not valid for {context.Request.Path}?api_key={key}\"}}");
    });

    public static Fault Changed(string name, Func<byte[], byte[]> change) => new(name, (context, file) =>
    {
        var changed = change(file);
        return WriteAsync(context, changed, changed.Length);
    });

    private static async Task WriteAsync(HttpContext context, byte[] file, int count)
    {
        context.Response.ContentLength = file.Length;
        await context.Response.Body.WriteAsync(file.AsMemory(0, Math.Min(count, file.Length)));
        await context.Response.Body.FlushAsync();
    }

    private static byte[] RenameHeader(byte[] file, string from, string to)
    {
        if (file.Length > 2 && file[0] == (byte)'P' && file[1] == (byte)'K')
        {
            using var copy = new MemoryStream();
            copy.Write(file);
            using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
            {
                var entry = zip.GetEntry("xl/sharedStrings.xml") ?? throw new InvalidOperationException("the workbook has no shared strings");
                string xml;
                using (var reader = new StreamReader(entry.Open()))
                {
                    xml = reader.ReadToEnd();
                }

                var changed = xml.Replace($">{from}<", $">{to}<", StringComparison.Ordinal);
                Assert.NotEqual(xml, changed);
                entry.Delete();
                using var writer = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open(), new UTF8Encoding(false));
                writer.Write(changed);
            }

            return copy.ToArray();
        }

        var text = Encoding.UTF8.GetString(file);
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var header = text[..end];
        Assert.Contains(from, header, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(header.Replace(from, to, StringComparison.Ordinal) + text[end..]);
    }
}
