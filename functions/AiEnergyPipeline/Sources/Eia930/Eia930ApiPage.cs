using AiEnergyPipeline.Fetch;
using System.Globalization;
using System.Text.Json;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// Reads one EIA API v2 rto/region-data page. <c>value</c> and <c>total</c> arrive as strings
/// (sometimes numbers); <c>period</c> is the UTC hour ending as "yyyy-MM-ddTHH".
/// </summary>
public static class Eia930ApiPage
{
    public const string SourceLabel = "api";

    /// <summary>The page's total row count and the number of rows on it.</summary>
    /// <exception cref="InvalidDataException">The JSON is not an API v2 data response.</exception>
    public static (long Total, int Rows) ReadShape(JsonElement root)
    {
        var data = Data(root, out var response);
        if (!response.TryGetProperty("total", out var totalElement) || ReadNumber(totalElement) is not { } total)
        {
            throw new InvalidDataException("response.total is missing or not a number.");
        }

        return ((long)total, data.GetArrayLength());
    }

    /// <summary>
    /// Every readable row of the page, handed on as it is read (<see cref="ApiPageRows"/>: memory
    /// holds one row, whatever the page's length); rows that cannot be read go to <paramref name="quarantine"/>.
    /// </summary>
    public static IEnumerable<BaHourlyRecord> Read(Stream page, FetchedFile file, Action<QuarantineRecord> quarantine) =>
        ReadIndexed(page, file, quarantine).Select(r => r.Record);

    /// <summary><see cref="Read"/>, each row with its place in the page's data array (from 1): the line a quarantine record names.</summary>
    public static IEnumerable<(int Index, BaHourlyRecord Record)> ReadIndexed(Stream page, FetchedFile file, Action<QuarantineRecord> quarantine)
    {
        var rows = new ApiPageRows(page);
        var index = 0;
        while (Next(rows, file) is { } document)
        {
            using (document)
            {
                index++;
                var record = ReadRow(document.RootElement, out var reason);
                if (record is not null)
                {
                    yield return (index, record.Value);
                }
                else if (reason is not null)
                {
                    quarantine(new QuarantineRecord(file.Source, file.FileName, file.RawPath, index, reason, Excerpt(document.RootElement)));
                }
            }
        }
    }

    /// <summary>The page's total row count and the number of rows on it, read as a stream.</summary>
    /// <exception cref="JsonException">The page is not JSON.</exception>
    /// <exception cref="InvalidDataException">The JSON is not an API v2 data response.</exception>
    public static (long Total, int Rows) ReadShape(Stream page)
    {
        var rows = new ApiPageRows(page);
        rows.ReadToEnd();
        return rows.Total is { } total
            ? ((long)total, rows.Rows)
            : throw new InvalidDataException("response.total is missing or not a number.");
    }

    private static JsonDocument? Next(ApiPageRows rows, FetchedFile file)
    {
        try
        {
            return rows.TryReadRow(out var row) ? row : null;
        }
        catch (JsonException e)
        {
            throw new SourceException(file.Source, file.FileName, $"not JSON: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            throw new SourceException(file.Source, file.FileName, e.Message);
        }
    }

    private static JsonElement Data(JsonElement root, out JsonElement response)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("response", out response) || response.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("not an EIA API v2 response: no 'response' object.");
        }

        if (!response.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("not an EIA API v2 response: no 'response.data' array.");
        }

        return data;
    }

    // Returns null with a reason for a bad row, and null without one for a row that has no value
    // (the API leaves gaps as null; they are not errors, just absent hours).
    private static BaHourlyRecord? ReadRow(JsonElement row, out string? reason)
    {
        reason = null;
        if (row.ValueKind != JsonValueKind.Object)
        {
            reason = "row is not a JSON object";
            return null;
        }

        var respondent = Text(row, "respondent");
        if (string.IsNullOrWhiteSpace(respondent))
        {
            reason = "respondent is missing";
            return null;
        }

        var period = Text(row, "period");
        if (period is null || !DateTime.TryParseExact(period, "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var periodEnd))
        {
            reason = $"period '{period}' is not an hour (yyyy-MM-ddTHH)";
            return null;
        }

        var type = Text(row, "type");
        if (BaSeriesNames.FromApiType(type) is not { } series)
        {
            reason = $"type '{type}' is not one of D, DF, NG, TI";
            return null;
        }

        if (!row.TryGetProperty("value", out var valueElement) || valueElement.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (ReadNumber(valueElement) is not { } value)
        {
            reason = $"value {valueElement.GetRawText()} is not a number";
            return null;
        }

        return new BaHourlyRecord(respondent.Trim(), periodEnd, series, value, SourceLabel, null);
    }

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    private static double? ReadNumber(JsonElement element) => element.ValueKind switch
    {
        // 1e400 reads as Infinity: not a number of MW, so the row is quarantined as any unreadable value is.
        JsonValueKind.Number when element.TryGetDouble(out var n) && double.IsFinite(n) => n,
        JsonValueKind.String when double.TryParse(element.GetString(), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) => v,
        _ => null,
    };

    private static string Excerpt(JsonElement row)
    {
        var text = row.GetRawText();
        return text.Length > 200 ? text[..200] : text;
    }
}
