using System.IO.Compression;
using System.Text;

namespace AiEnergyPipeline.TestKit;

/// <summary>
/// Hostile .xlsx files, generated rather than committed: a part is written as a prefix, one unit
/// repeated many times and a suffix, streamed through the compressor, so that a file of a few MB
/// that expands to GB costs a test seconds and no memory. Each is a real workbook in every other
/// respect (one sheet, named as the caller says), so that only the limit under test can stop it.
/// </summary>
public static class XlsxBombs
{
    private const string Xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>One cell that refers to shared string 0, which is <paramref name="chars"/> characters long.</summary>
    public static void SharedString(string path, long chars, string sheet = "Sheet1") => Write(path, sheet,
        zip =>
        {
            Repeated(zip, "xl/worksheets/sheet1.xml", $"{Xml}<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>", "", 0, "");
            Repeated(zip, "xl/sharedStrings.xml", $"{Xml}<sst xmlns=\"{Main}\" count=\"1\" uniqueCount=\"1\"><si><t>", "a", chars, "</t></si></sst>");
        });

    /// <summary>One inline-string cell <paramref name="chars"/> characters long.</summary>
    public static void Cell(string path, long chars, string sheet = "Sheet1") => Write(path, sheet,
        zip =>
        {
            Repeated(zip, "xl/worksheets/sheet1.xml", $"{Xml}<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>", "a", chars, "</t></is></c></row></sheetData></worksheet>");
            EmptySharedStrings(zip);
        });

    /// <summary><paramref name="rows"/> tiny rows of one number each.</summary>
    public static void Rows(string path, long rows, string sheet = "Sheet1") => Write(path, sheet,
        zip =>
        {
            Repeated(zip, "xl/worksheets/sheet1.xml", $"{Xml}<worksheet xmlns=\"{Main}\"><sheetData>", "<row><c><v>1</v></c></row>", rows, "</sheetData></worksheet>");
            EmptySharedStrings(zip);
        });

    /// <summary>An empty sheet padded with <paramref name="bytes"/> spaces: nothing but a huge compression ratio.</summary>
    public static void Padding(string path, long bytes, string sheet = "Sheet1") => Write(path, sheet,
        zip =>
        {
            Repeated(zip, "xl/worksheets/sheet1.xml", $"{Xml}<worksheet xmlns=\"{Main}\"><sheetData/>", " ", bytes, "</worksheet>");
            EmptySharedStrings(zip);
        });

    private static void Write(string path, string sheet, Action<ZipArchive> parts)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        XlsxWriter.WritePackage(zip, [sheet]);
        parts(zip);
    }

    private static void EmptySharedStrings(ZipArchive zip) =>
        Repeated(zip, "xl/sharedStrings.xml", $"{Xml}<sst xmlns=\"{Main}\" count=\"0\" uniqueCount=\"0\"></sst>", "", 0, "");

    /// <summary>Writes prefix, <paramref name="unit"/> × <paramref name="count"/>, suffix, in blocks of about 1 MB.</summary>
    private static void Repeated(ZipArchive zip, string name, string prefix, string unit, long count, string suffix)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        stream.Write(Encoding.UTF8.GetBytes(prefix));
        if (count > 0)
        {
            var perBlock = (int)Math.Min(count, Math.Max(1, (1 << 20) / unit.Length));
            var block = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(unit, perBlock)));
            for (var written = 0L; written < count; written += perBlock)
            {
                var units = (int)Math.Min(perBlock, count - written);
                stream.Write(block, 0, units * unit.Length);
            }
        }

        stream.Write(Encoding.UTF8.GetBytes(suffix));
    }
}
