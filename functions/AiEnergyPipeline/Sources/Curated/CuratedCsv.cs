using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using CsvHelper;
using System.Globalization;
using System.Text;

namespace AiEnergyPipeline.Sources.Curated;

/// <summary>
/// One curated CSV file being read: columns found by name, each row checked for its shape, and
/// the row's file, line and start for the quarantine. A file without a header or without a
/// required column cannot be read at all and fails with a <see cref="SourceException"/>.
/// </summary>
internal sealed class CuratedCsv : IDisposable
{
    private readonly CsvReader _csv;
    private readonly ColumnMap _columns;
    private readonly int _headerCount;
    private readonly SourceLimitsOptions? _limits;

    private CuratedCsv(CsvReader csv, ColumnMap columns, FetchedFile file, SourceLimitsOptions? limits)
    {
        _csv = csv;
        _limits = limits;
        _columns = columns;
        _headerCount = csv.Headers.Count;
        File = file;
    }

    public FetchedFile File { get; }

    /// <summary>The 1-based line where the current row starts.</summary>
    public long Line => _csv.LineNumber;

    public static CuratedCsv Open(Stream content, FetchedFile file, IReadOnlyList<ColumnSpec> specs, SourceLimitsOptions? limits = null)
    {
        if (content.CanSeek && content.Length == 0)
        {
            throw new SourceException(file.Source, file.FileName, "the file is empty.");
        }

        var csv = CsvInput.Open(content, file.Source, file.FileName, CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true }, limits);
        try
        {
            if (csv.Headers.Count == 0)
            {
                throw new SourceException(file.Source, file.FileName, "the file has no header row.");
            }

            var columns = ColumnMap.TryCreate(csv.Headers, specs, out var missing)
                ?? throw new SourceException(file.Source, file.FileName, ColumnMap.MissingMessage(missing));
            return new CuratedCsv(csv, columns, file, limits);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next row that is not blank.</summary>
    public bool Read()
    {
        while (CsvInput.Read(_csv, File.Source, File.FileName, _limits))
        {
            for (var i = 0; i < _csv.FieldCount; i++)
            {
                if (!string.IsNullOrWhiteSpace(_csv.GetString(i)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Why the current row's shape is wrong, or null: a row must have the header's number of fields.</summary>
    public string? ShapeProblem() =>
        _csv.FieldCount == _headerCount ? null : $"the row has {_csv.FieldCount} fields, the header has {_headerCount}";

    /// <summary>A column's trimmed value, or "" when an optional column is absent.</summary>
    public string this[string column] => _columns[column] is var i and >= 0 && i < _csv.FieldCount ? _csv.GetString(i).Trim() : "";

    public QuarantineRecord Quarantined(string reason)
    {
        var excerpt = new StringBuilder();
        for (var i = 0; i < Math.Min(_csv.FieldCount, 6); i++)
        {
            excerpt.Append(i == 0 ? "" : ",").Append(_csv.GetString(i));
        }

        return new QuarantineRecord(File.Source, File.FileName, File.RawPath, Line, reason, excerpt.Length > 200 ? excerpt.ToString(0, 200) : excerpt.ToString());
    }

    public void Dispose() => _csv.Dispose();

    /// <summary>A plain decimal number (no thousands separators: curated files are written by hand, and "4,000" is ambiguous).</summary>
    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    /// <summary>Why a row's citation is unusable, or null: every curated row names its source and a URL.</summary>
    public static string? CitationProblem(string source, string url)
    {
        if (source.Length == 0)
        {
            return "'source' is empty: every row must cite where its figure comes from";
        }

        if (url.Length == 0)
        {
            return "'url' is empty: every row must give the URL of its source";
        }

        // repo: names a file of this repository, for the project's own defaults and assumptions.
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "repo"
            ? null
            : $"'url' value '{Truncate(url)}' is not an absolute http, https or repo: URL";
    }

    public static string Truncate(string text) => text.Length > 80 ? text[..80] + "..." : text;
}
