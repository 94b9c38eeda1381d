using System.Globalization;
using System.Text.Json;
using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// Finds ERCOT's newest GIS report in its document list (JSON: ListDocsByRptTypeRes.DocumentList[].Document,
/// each with DocID, ConstructedName, FriendlyName and PublishDate; gridstatus/ercot.py, _get_document):
/// the newest workbook (.xlsx) whose name holds "GIS_Report", as gridstatus picks it. ERCOT gives each
/// month's report a document id of its own, so the list is the only lasting address.
/// </summary>
public static class ErcotDocumentList
{
    /// <summary>What a GIS report's name holds (ERCOT also lists other documents under the report type).</summary>
    public const string GisReportName = "GIS_Report";

    /// <summary>
    /// The most a document list may be: ERCOT's is tens of KB. Parsed whole, a list as large as any
    /// body may be (Sources:Limits:MaxBodyBytes, 1 GiB) would hold several times that in memory.
    /// </summary>
    public const int MaxListBytes = 16 << 20;

    /// <summary>The address of the newest GIS report the list at <paramref name="listUrl"/> names.</summary>
    /// <exception cref="SourceException">The list cannot be fetched, is not the JSON expected, or names no GIS report; the message names the list's URL.</exception>
    public static async Task<Uri> NewestGisReportAsync(HttpClient http, Uri listUrl, SecretRedactor redactor, string source, string fileName, CancellationToken cancellationToken)
    {
        var shown = redactor.RedactUrl(listUrl);
        try
        {
            using var response = await http.GetAsync(listUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new SourceException(source, fileName, redactor.Redact($"ERCOT's document list {shown}: {await HttpResponses.DescribeWithBodyAsync(response, cancellationToken)}")) { StatusCode = response.StatusCode };
            }

            using var json = JsonDocument.Parse(await ReadBoundedAsync(response, source, fileName, shown, cancellationToken));
            var docId = NewestGisReport(json.RootElement)
                ?? throw new SourceException(source, fileName, $"ERCOT's document list {shown} names no GIS report (no .xlsx document whose name holds '{GisReportName}').");
            return IsoQueueFormats.ErcotDownloadUrlOf(listUrl, docId);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new SourceException(source, fileName, redactor.Redact($"ERCOT's document list {shown} is not the JSON expected (ListDocsByRptTypeRes.DocumentList[].Document with DocID, ConstructedName, PublishDate): {e.Message}"));
        }
        catch (Exception e) when ((HttpResponses.IsRequestFailure(e) || e is IOException) && !cancellationToken.IsCancellationRequested)
        {
            throw new SourceException(source, fileName, redactor.Redact($"ERCOT's document list {shown}: download failed: {e.Message}"));
        }
    }

    /// <summary>The list's bytes, failing the source past <see cref="MaxListBytes"/> without reading further.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(HttpResponseMessage response, string source, string fileName, string shown, CancellationToken cancellationToken)
    {
        var tooLarge = new SourceException(source, fileName, $"ERCOT's document list {shown} is over {MaxListBytes:N0} bytes (16 MiB), far more than a document list: not read.");
        if (response.Content.Headers.ContentLength > MaxListBytes)
        {
            throw tooLarge;
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxListBytes)
            {
                throw tooLarge;
            }
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>The DocID of the newest GIS report workbook, or null when the list names none.</summary>
    /// <exception cref="FormatException">The list is not laid out as expected.</exception>
    public static string? NewestGisReport(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ListDocsByRptTypeRes", out var response) || response.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("no ListDocsByRptTypeRes object");
        }

        if (!response.TryGetProperty("DocumentList", out var list))
        {
            // A report type with no documents comes without the list.
            return null;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("DocumentList is not an array");
        }

        string? newest = null;
        var newestDate = DateTimeOffset.MinValue;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("Document", out var document) || document.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("a DocumentList entry has no Document object");
            }

            var names = new[] { Text(document, "ConstructedName"), Text(document, "FriendlyName") };
            var isGisReport = names.Any(n => n?.Contains(GisReportName, StringComparison.OrdinalIgnoreCase) == true);
            var isWorkbook = names.Any(n => n?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true);
            if (!isGisReport || !isWorkbook)
            {
                continue;
            }

            var docId = Text(document, "DocID") is { Length: > 0 } id ? id : throw new FormatException($"the document {names[0] ?? names[1]} has no DocID");
            var published = Text(document, "PublishDate") is { } date && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new FormatException($"the document {docId} has no PublishDate that reads as a date");
            if (newest is null || published > newestDate)
            {
                (newest, newestDate) = (docId, published);
            }
        }

        return newest;
    }

    /// <summary>A property as text: ERCOT writes DocID as a string, but a number is read too.</summary>
    private static string? Text(JsonElement document, string name) =>
        !document.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.ValueKind == JsonValueKind.Number ? value.GetRawText()
        : null;
}
