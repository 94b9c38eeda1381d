using AiEnergyPipeline.Fetch;
using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace AiEnergyPipeline.Tabular;

/// <summary>
/// Checks an .xlsx against the <see cref="SourceLimitsOptions"/> before ExcelDataReader opens it.
/// ExcelDataReader reads each cell and the whole shared strings table into strings and may scan
/// a sheet whole before the first row: a 3 MB workbook whose one cell expands to 3 GB would take
/// that much memory, and one of 60 million tiny rows minutes. So the declared sizes of the parts
/// come first (.NET's inflater stops at the declared size, so a part cannot expand further), then
/// one streaming pass over the XML parts measures text in chunks without holding it, and counts rows.
/// </summary>
public static class WorkbookGuard
{
    /// <summary>Small parts are not held to the ratio: a few KB of repeated markup compresses hundreds of times, harmlessly.</summary>
    private const long RatioGraceBytes = 1 << 20;

    /// <exception cref="LimitExceededException">A part, a cell, a shared string or a sheet's rows go past their limit.</exception>
    /// <exception cref="InvalidDataException">The file is not a readable ZIP.</exception>
    /// <exception cref="XmlException">A part is not well-formed XML (a DTD is refused as such).</exception>
    public static void Check(string path, SourceLimitsOptions limits)
    {
        using var zip = ZipFile.OpenRead(path);
        if (zip.Entries.Count > MaxParts)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the workbook has {zip.Entries.Count:N0} parts, more than the {MaxParts:N0} a workbook is read with (real ones have a few dozen)."));
        }

        foreach (var entry in zip.Entries)
        {
            CheckSize(entry, limits);
        }

        // Each part may be small and still the sum be vast (a thousand parts of 1 MiB, or many directory
        // records pointing at one part): the scan's time is bounded by the sum of what it expands.
        var scanned = zip.Entries.Where(IsXmlPartReaderMayOpen).ToList();
        var total = scanned.Sum(e => e.Length);
        var maxTotal = limits.MaxPartBytes > long.MaxValue / MaxTotalPartsFactor ? long.MaxValue : MaxTotalPartsFactor * limits.MaxPartBytes;
        if (total > maxTotal)
        {
            throw new LimitExceededException(string.Create(CultureInfo.InvariantCulture, $"the workbook's XML parts expand to {total:N0} bytes in all ({MaxTotalPartsFactor} times the limit of one part is allowed), which"), maxTotal, SourceLimitsOptions.Setting(nameof(limits.MaxPartBytes)));
        }

        var buffer = new char[16 * 1024];
        foreach (var entry in scanned)
        {
            ScanXml(entry, limits, buffer);
        }
    }

    /// <summary>Parts of one workbook: real ones have a few dozen (sheets, styles, relationships).</summary>
    public const int MaxParts = 10_000;

    /// <summary>The XML parts of a workbook may expand to this many times <see cref="SourceLimitsOptions.MaxPartBytes"/> in all.</summary>
    public const long MaxTotalPartsFactor = 4;

    /// <summary>Runs (&lt;r&gt;) of one shared string, which ExcelDataReader joins one by one, copying the string each time.</summary>
    public const int MaxRunsPerString = 1_000;

    /// <summary>The name of an entry as ExcelDataReader finds it: '\' read as '/' (a zip made on Windows by hand).</summary>
    private static string NameOf(ZipArchiveEntry entry) => entry.FullName.Replace('\\', '/');

    /// <summary>
    /// Every part ExcelDataReader may read as XML: any .xml part, and a sheet or the shared strings
    /// whatever they are named (a relationship may point at worksheets/sheet1.dat, which it opens all the same).
    /// </summary>
    private static bool IsXmlPartReaderMayOpen(ZipArchiveEntry entry)
    {
        var name = NameOf(entry);
        return name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("xl/worksheets/_rels/", StringComparison.OrdinalIgnoreCase)
            || IsSharedStrings(name);
    }

    private static bool IsSharedStrings(string name) => Path.GetFileName(name).StartsWith("sharedStrings", StringComparison.OrdinalIgnoreCase);

    private static void CheckSize(ZipArchiveEntry entry, SourceLimitsOptions limits)
    {
        if (entry.Length > limits.MaxPartBytes)
        {
            throw new LimitExceededException(string.Create(CultureInfo.InvariantCulture, $"part '{entry.FullName}' expands to {entry.Length:N0} bytes, which"), limits.MaxPartBytes, SourceLimitsOptions.Setting(nameof(limits.MaxPartBytes)));
        }

        if (entry.Length > RatioGraceBytes && entry.Length > limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
        {
            var ratio = (double)entry.Length / Math.Max(1, entry.CompressedLength);
            throw new LimitExceededException(string.Create(CultureInfo.InvariantCulture, $"part '{entry.FullName}' expands {ratio:N0} times ({entry.CompressedLength:N0} to {entry.Length:N0} bytes), which"), (long)limits.MaxCompressionRatio, SourceLimitsOptions.Setting(nameof(limits.MaxCompressionRatio)));
        }
    }

    /// <summary>The 1-based column of a cell reference such as AB12 (0 when it has none); past the int range counts as long.MaxValue.</summary>
    internal static long ColumnOf(string? reference)
    {
        long column = 0;
        foreach (var c in reference ?? "")
        {
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                column = column > int.MaxValue ? long.MaxValue : (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
                continue;
            }

            break;
        }

        return column;
    }

    /// <summary>
    /// Text is counted per shared string (an &lt;si&gt;, whose runs ExcelDataReader joins) or per
    /// cell (a &lt;c&gt;, whose inline string may have runs too), elsewhere per text node.
    /// </summary>
    private static void ScanXml(ZipArchiveEntry entry, SourceLimitsOptions limits, char[] buffer)
    {
        var sharedStrings = IsSharedStrings(NameOf(entry));
        var (unitName, max, setting, what) = sharedStrings
            ? ("si", limits.MaxSharedStringChars, nameof(limits.MaxSharedStringChars), "a shared string")
            : ("c", limits.MaxCellChars, nameof(limits.MaxCellChars), "a cell");
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true };
        using var xml = XmlReader.Create(entry.Open(), settings);
        long rows = 0;
        long cellsInRow = 0;
        long runsInString = 0;
        long length = 0;
        var unitDepth = -1;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    if (unitDepth < 0 || xml.Depth <= unitDepth)
                    {
                        length = 0;
                        unitDepth = xml.LocalName == unitName ? xml.Depth : -1;
                    }

                    if (sharedStrings && xml.LocalName == "r" && ++runsInString > MaxRunsPerString)
                    {
                        throw new InvalidDataException($"part '{entry.FullName}': a shared string of more than {MaxRunsPerString:N0} runs (formatted pieces), which are joined one by one: real ones have a few.");
                    }

                    if (sharedStrings && xml.LocalName == "si")
                    {
                        runsInString = 0;
                    }

                    if (!sharedStrings && xml.LocalName == "row")
                    {
                        cellsInRow = 0;
                        if (++rows > limits.MaxSheetRows)
                        {
                            throw new LimitExceededException($"part '{entry.FullName}': the sheet's row count", limits.MaxSheetRows, SourceLimitsOptions.Setting(nameof(limits.MaxSheetRows)));
                        }
                    }

                    if (!sharedStrings && xml.LocalName == "c")
                    {
                        // ExcelDataReader makes every row as wide as its farthest cell before anything can count
                        // it: a 5 KB sheet with one cell at ZZZZZZ2 took 2.4 GB. So the widths are checked here.
                        var column = ColumnOf(xml.GetAttribute("r"));
                        if (++cellsInRow > limits.MaxSheetColumns || column > limits.MaxSheetColumns)
                        {
                            throw new LimitExceededException($"part '{entry.FullName}': the column count ({(column > limits.MaxSheetColumns ? $"a cell at {xml.GetAttribute("r")}" : "cells in a row")})", limits.MaxSheetColumns, SourceLimitsOptions.Setting(nameof(limits.MaxSheetColumns)));
                        }
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    int read;
                    while ((read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                    {
                        length += read;
                        if (length > max)
                        {
                            throw new LimitExceededException($"part '{entry.FullName}': {what} (in characters)", max, SourceLimitsOptions.Setting(setting));
                        }
                    }

                    break;
            }
        }
    }
}
