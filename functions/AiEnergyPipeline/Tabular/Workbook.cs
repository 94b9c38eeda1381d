using AiEnergyPipeline.Fetch;
using ExcelDataReader;
using System.Globalization;

namespace AiEnergyPipeline.Tabular;

/// <summary>
/// Reads .xlsx workbooks row by row (ExcelDataReader streams each sheet's XML; only the shared
/// strings table is held in memory), so a large sheet does not need its size in memory.
/// </summary>
public static class Workbook
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    private static readonly ExcelReaderConfiguration Configuration = CreateConfiguration();

    // ExcelDataReader asks for code page 1252 as its fallback even for .xlsx (whose text is
    // Unicode), and .NET serves code pages only through this provider.
    private static ExcelReaderConfiguration CreateConfiguration()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return new ExcelReaderConfiguration { FallbackEncoding = System.Text.Encoding.UTF8 };
    }

    /// <summary>Whether the stream starts as a ZIP file (an .xlsx is one); servers answer missing files with HTML and status 200.</summary>
    public static bool StartsLikeXlsx(ReadOnlySpan<byte> head) => head.Length >= 4 && head[..4].SequenceEqual(ZipMagic);

    public static bool IsXlsxFile(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && StartsLikeXlsx(head);
    }

    public static IReadOnlyList<string> SheetNames(string path)
    {
        try
        {
            return ReadSheetNames(path);
        }
        catch (Exception e) when (IsReaderFault(e))
        {
            throw Fault(e);
        }
    }

    private static List<string> ReadSheetNames(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream, Configuration);
        var names = new List<string>();
        do
        {
            names.Add(reader.Name);
        }
        while (reader.NextResult());
        return names;
    }

    /// <summary>The rows of one sheet, in order; blank rows are skipped. Throws <see cref="InvalidDataException"/> when the sheet is absent.</summary>
    /// <param name="limits">Rows and columns allowed (defaults when null); <see cref="WorkbookGuard"/> checks the rest before.</param>
    /// <exception cref="LimitExceededException">The sheet has more rows or columns than allowed.</exception>
    public static IEnumerable<SheetRow> ReadSheet(string path, string sheetName, SourceLimitsOptions? limits = null)
    {
        using var rows = ReadSheetRows(path, sheetName, limits ?? new SourceLimitsOptions()).GetEnumerator();
        while (true)
        {
            // A yield may not sit in a try with a catch: each step of the reader is guarded instead.
            bool more;
            try
            {
                more = rows.MoveNext();
            }
            catch (Exception e) when (IsReaderFault(e))
            {
                throw Fault(e);
            }

            if (!more)
            {
                yield break;
            }

            yield return rows.Current;
        }
    }

    /// <summary>
    /// What ExcelDataReader throws on a malformed part beyond its own exception (an overflowing
    /// sheetId, a missing attribute, an empty mergeCell: OverflowException, ArgumentNullException,
    /// NullReferenceException, IndexOutOfRangeException): a damaged file, not a bug of ours. The
    /// sources catch <see cref="InvalidDataException"/> and name the file with its cause.
    /// </summary>
    private static bool IsReaderFault(Exception e) =>
        e is ArithmeticException or ArgumentException or NullReferenceException or IndexOutOfRangeException or InvalidCastException or KeyNotFoundException or InvalidOperationException
        && e is not ObjectDisposedException;

    private static InvalidDataException Fault(Exception e) => new($"{e.GetType().Name}: {e.Message}", e);

    private static IEnumerable<SheetRow> ReadSheetRows(string path, string sheetName, SourceLimitsOptions limits)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream, Configuration);
        while (!string.Equals(reader.Name, sheetName, StringComparison.OrdinalIgnoreCase))
        {
            if (!reader.NextResult())
            {
                throw new InvalidDataException($"the workbook has no sheet '{sheetName}'.");
            }
        }

        while (reader.Read())
        {
            // Row numbers can jump (r="5000000"): ExcelDataReader fills the gap with empty rows,
            // and a dimension or a far cell widens every row, so both are checked as read.
            if (reader.Depth >= limits.MaxSheetRows)
            {
                throw new LimitExceededException($"sheet '{sheetName}': the row count", limits.MaxSheetRows, SourceLimitsOptions.Setting(nameof(limits.MaxSheetRows)));
            }

            if (reader.FieldCount > limits.MaxSheetColumns)
            {
                throw new LimitExceededException($"sheet '{sheetName}': the column count ({reader.FieldCount})", limits.MaxSheetColumns, SourceLimitsOptions.Setting(nameof(limits.MaxSheetColumns)));
            }

            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.GetValue(i);
            }

            var row = new SheetRow(reader.Depth + 1, values);
            if (!row.IsBlank)
            {
                yield return row;
            }
        }
    }

    /// <summary>
    /// Finds the header row among the first <paramref name="scanRows"/> rows (title rows sit above it)
    /// as the one that matches most required columns, and maps its columns.
    /// </summary>
    /// <returns>The map and the header row's number, or null with the columns missing from the best candidate.</returns>
    public static (ColumnMap? Map, int HeaderRow, IReadOnlyList<string> Missing) FindHeader(IEnumerator<SheetRow> rows, IReadOnlyList<ColumnSpec> specs, int scanRows = 30)
    {
        IReadOnlyList<string> bestMissing = specs.Where(s => s.Required).Select(s => s.Name).ToList();
        var bestScore = -1;
        for (var scanned = 0; scanned < scanRows && rows.MoveNext(); scanned++)
        {
            var cells = rows.Current.Texts();
            var score = ColumnMap.Score(cells, specs);
            if (score <= bestScore)
            {
                continue;
            }

            bestScore = score;
            var map = ColumnMap.TryCreate(cells, specs, out var missing);
            if (map is not null)
            {
                return (map, rows.Current.Number, []);
            }

            bestMissing = missing;
        }

        return (null, 0, bestMissing);
    }
}
