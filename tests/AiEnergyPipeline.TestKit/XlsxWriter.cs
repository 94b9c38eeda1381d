using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace AiEnergyPipeline.TestKit;

/// <summary>A worksheet to write: its name and its rows (null cells are left blank).</summary>
public sealed record Sheet(string Name, IEnumerable<object?[]> Rows);

/// <summary>
/// Writes a minimal but real .xlsx (Office Open XML: a ZIP of XML parts, strings in a shared
/// strings table, numbers as numeric cells) so that tests can build workbooks in any layout,
/// including the messy ones real sources publish.
/// </summary>
public static class XlsxWriter
{
    public static void Write(string path, params Sheet[] sheets)
    {
        using var file = File.Create(path);
        Write(file, sheets);
    }

    public static void Write(Stream output, params Sheet[] sheets)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var strings = new List<string>();
        var stringIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < sheets.Length; s++)
        {
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            var rowNumber = 0;
            foreach (var row in sheets[s].Rows)
            {
                rowNumber++;
                xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{rowNumber}\">");
                for (var c = 0; c < row.Length; c++)
                {
                    var reference = Column(c) + rowNumber.ToString(CultureInfo.InvariantCulture);
                    switch (row[c])
                    {
                        case null:
                            break;
                        case string text:
                            if (!stringIndex.TryGetValue(text, out var index))
                            {
                                index = strings.Count;
                                strings.Add(text);
                                stringIndex[text] = index;
                            }

                            xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"s\"><v>{index}</v></c>");
                            break;
                        case IFormattable number:
                            xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{number.ToString(null, CultureInfo.InvariantCulture)}</v></c>");
                            break;
                        default:
                            throw new ArgumentException($"cell {reference}: write strings or numbers, not {row[c]!.GetType().Name}.");
                    }
                }

                xml.Append("</row>");
            }

            xml.Append("</sheetData></worksheet>");
            Part(zip, $"xl/worksheets/sheet{s + 1}.xml", xml.ToString());
        }

        WritePackage(zip, sheets.Select(sheet => sheet.Name).ToList());
        Part(zip, "xl/sharedStrings.xml",
            $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{strings.Count}\" uniqueCount=\"{strings.Count}\">" +
            string.Concat(strings.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>")) +
            "</sst>");
    }

    /// <summary>
    /// The parts around the sheets: content types, relationships and the workbook naming
    /// <paramref name="sheetNames"/> as xl/worksheets/sheet{n}.xml, with xl/sharedStrings.xml;
    /// those parts are the caller's to write.
    /// </summary>
    public static void WritePackage(ZipArchive zip, IReadOnlyList<string> sheetNames)
    {
        Part(zip, "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" +
            string.Concat(sheetNames.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")) +
            "</Types>");
        Part(zip, "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Part(zip, "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" +
            string.Concat(sheetNames.Select((name, i) => $"<sheet name=\"{SecurityElement.Escape(name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>")) +
            "</sheets></workbook>");
        Part(zip, "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            string.Concat(sheetNames.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>")) +
            $"<Relationship Id=\"rId{sheetNames.Count + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
    }

    private static string Column(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
