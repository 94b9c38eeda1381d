using System.Text;
using AiEnergyPipeline.Fetch;
using CsvHelper;

namespace AiEnergyPipeline.Normalise.Tabular;

/// <summary>What every CSV parser does around its rows: refuse files that are not CSV, and excerpt a bad row for the quarantine.</summary>
public static class CsvInput
{
    private const int MaxExcerpt = 200;

    /// <summary>Fails a file that is empty or an HTML page (servers answer errors with status 200), before any row is read.</summary>
    /// <exception cref="SourceException">The file is not a CSV file; the message names it and says why.</exception>
    public static void RejectIfNotCsv(Stream content, FetchedFile file)
    {
        if (!content.CanSeek)
        {
            return;
        }

        var head = new byte[HttpFileFetcher.HeadLength];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        if (HeadChecks.NotEmptyOrHtml(head.AsMemory(0, read)) is { } problem)
        {
            throw new SourceException(file.Source, file.FileName, problem);
        }
    }

    /// <summary>The start of the current record, fields joined by commas, line breaks folded, at most 200 characters.</summary>
    public static string Excerpt(CsvReader csv, int maxFields = 12)
    {
        var fields = new StringBuilder();
        for (var i = 0; i < Math.Min(csv.FieldCount, maxFields) && fields.Length < MaxExcerpt; i++)
        {
            fields.Append(i == 0 ? "" : ",").Append(csv.GetString(i).ReplaceLineEndings(" "));
        }

        return Shorten(fields.ToString(), MaxExcerpt);
    }

    /// <summary>A value quoted in a reason, cut to <paramref name="max"/> characters.</summary>
    public static string Shorten(string text, int max = 100) => text.Length > max ? text[..max] + "..." : text;
}
