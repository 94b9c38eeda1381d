using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using CsvHelper;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// EIA's list of six-month files, <c>EIA930_File_List_Meta.csv</c> (columns YEAR, PERIOD,
/// FILENAME, DESCRIPTION, found by name): the BALANCE files in it, in order of time. INTERCHANGE
/// and SUBREGION files are not ours and are skipped; a BALANCE row whose file name is not
/// EIA930_BALANCE_{yyyy}_{Jan_Jun|Jul_Dec}.csv is skipped and reported.
/// </summary>
public static partial class Eia930FileList
{
    public const string FileName = "EIA930_File_List_Meta.csv";

    private static readonly ColumnSpec FileNameColumn = new("FILENAME", true, "FILE NAME", "FILE");

    /// <exception cref="SourceException">The list is not a CSV with a FILENAME column; the message names the list.</exception>
    public static (IReadOnlyList<BalanceHalfYear> Files, IReadOnlyList<string> Skipped) Read(Stream content, string source, SourceLimitsOptions? limits = null)
    {
        var head = new byte[HttpFileFetcher.HeadLength];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (HeadChecks.NotEmptyOrHtml(head.AsMemory(0, read)) is { } problem)
        {
            throw new SourceException(source, FileName, problem);
        }

        content.Position = 0;
        using var csv = CsvInput.Open(content, source, FileName, CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true }, limits);
        var headers = csv.Headers.Select(h => h.Trim().ToUpperInvariant()).ToList();
        var column = headers.FindIndex(h => h == FileNameColumn.Name || FileNameColumn.Aliases.Contains(h));
        if (column < 0)
        {
            throw new SourceException(source, FileName, $"required column missing: 'FILENAME' (columns: {CsvInput.Shorten(string.Join(", ", csv.Headers))}).");
        }

        var files = new SortedDictionary<string, BalanceHalfYear>(StringComparer.Ordinal);
        var skipped = new List<string>();
        while (CsvInput.Read(csv, source, FileName, limits))
        {
            var name = column < csv.FieldCount ? csv.GetString(column).Trim() : "";
            // A name may come with a folder or URL in front of it.
            name = name[(name.LastIndexOf('/') + 1)..];
            if (!name.Contains("BALANCE", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (BalanceHalfYear.FromFileName(name) is { } file)
            {
                files[file.PartitionName] = file;
            }
            else
            {
                skipped.Add($"line {csv.LineNumber}: '{CsvInput.Shorten(name)}' is not a six-month BALANCE file name");
            }
        }

        return (files.Values.ToList(), skipped);
    }

    [GeneratedRegex("^EIA930_BALANCE_((?:19|20)[0-9]{2})_(Jan_Jun|Jul_Dec)\\.csv\\z", RegexOptions.CultureInvariant)]
    internal static partial Regex BalanceFileName();

    [GeneratedRegex("^((?:19|20)[0-9]{2})_h([12])\\z", RegexOptions.CultureInvariant)]
    internal static partial Regex PartitionName();
}
