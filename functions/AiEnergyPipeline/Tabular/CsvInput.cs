using AiEnergyPipeline.Fetch;
using CsvHelper;
using System.Text;

namespace AiEnergyPipeline.Tabular;

/// <summary>What every CSV parser does around its rows: refuse files that are not CSV, bound the size of a record, and excerpt a bad row for the quarantine.</summary>
public static class CsvInput
{
    private const int MaxExcerpt = 200;

    /// <summary>
    /// <paramref name="options"/> with CsvHelper's record size limit: without it, a line that
    /// never ends (or a quote never closed) grows the reader's buffer to the size of the file.
    /// </summary>
    public static CsvReaderOptions Bounded(CsvReaderOptions options, SourceLimitsOptions? limits) =>
        options with { MaxRecordSize = (limits ?? new SourceLimitsOptions()).MaxCsvRecordBytes };

    /// <summary>Opens a source CSV with <see cref="Bounded"/> options and reads its header (CsvHelper would read it on first use, outside this guard).</summary>
    /// <exception cref="SourceException">The header is longer than the record limit.</exception>
    public static CsvReader Open(Stream content, string source, string fileName, CsvReaderOptions options, SourceLimitsOptions? limits)
    {
        var csv = CsvReader.Create(content, Bounded(options, limits), leaveOpen: true);
        try
        {
            Guarded(source, fileName, limits, () => options.HasHeader ? csv.Headers.Count : 0);
            return csv;
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>The next record, or false at the end.</summary>
    /// <exception cref="SourceException">The record is longer than the limit: the message names the file, the line and the setting.</exception>
    public static bool Read(CsvReader csv, string source, string fileName, SourceLimitsOptions? limits) =>
        Guarded(source, fileName, limits, csv.Read);

    private static T Guarded<T>(string source, string fileName, SourceLimitsOptions? limits, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CsvFormatException e) when (e.Message.Contains(nameof(CsvReaderOptions.MaxRecordSize), StringComparison.Ordinal))
        {
            var limit = (limits ?? new SourceLimitsOptions()).MaxCsvRecordBytes;
            var where = e.LineNumber > 0 ? $"the record at line {e.LineNumber}" : $"record {e.RecordNumber}";
            throw new SourceException(source, fileName, new LimitExceededException($"{where} (in bytes)", limit, SourceLimitsOptions.Setting(nameof(SourceLimitsOptions.MaxCsvRecordBytes))).Message, e);
        }
    }

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
