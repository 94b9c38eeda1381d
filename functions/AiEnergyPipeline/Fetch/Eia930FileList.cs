using System.Globalization;
using System.Text.RegularExpressions;
using AiEnergyPipeline.Normalise.Tabular;
using CsvHelper;

namespace AiEnergyPipeline.Fetch;

/// <summary>One six-month BALANCE file: the partition it makes, such as <c>2024_h1</c> for EIA930_BALANCE_2024_Jan_Jun.csv.</summary>
public sealed record BalanceHalfYear(int Year, int Half)
{
    public string FileName => $"EIA930_BALANCE_{Year.ToString(CultureInfo.InvariantCulture)}_{(Half == 1 ? "Jan_Jun" : "Jul_Dec")}.csv";

    /// <summary>Safe as a path segment and sorts by time: 2024_h1, 2024_h2.</summary>
    public string PartitionName => $"{Year.ToString(CultureInfo.InvariantCulture)}_h{Half.ToString(CultureInfo.InvariantCulture)}";

    public static BalanceHalfYear? FromFileName(string fileName)
    {
        var match = Eia930FileList.BalanceFileName().Match(fileName.Trim());
        return match.Success ? new BalanceHalfYear(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value == "Jan_Jun" ? 1 : 2) : null;
    }

    public static BalanceHalfYear? FromPartitionName(string name)
    {
        var match = Eia930FileList.PartitionName().Match(name);
        return match.Success ? new BalanceHalfYear(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value[0] - '0') : null;
    }
}

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
