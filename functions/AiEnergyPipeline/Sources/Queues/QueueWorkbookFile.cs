using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using ExcelDataReader.Exceptions;
using System.Xml;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>Checks shared by the readers of queue workbooks (LBNL's and the ISOs'): the file is a workbook, and stays readable.</summary>
public static class QueueWorkbookFile
{
    /// <summary>The file is a workbook, and within the limits (<see cref="WorkbookGuard"/>): a zip bomb fails here, before any sheet is read.</summary>
    public static void RejectIfNotXlsx(FetchedFile file, SourceLimitsOptions? limits = null)
    {
        if (!Workbook.IsXlsxFile(file.LocalPath))
        {
            var head = HeadText(file.LocalPath);
            throw new SourceException(file.Source, file.FileName, head.Length == 0 ? "the file is empty."
                : head.StartsWith('<') ? "the file is an HTML page, not an .xlsx workbook (the server may have answered with an error page)."
                : "the file is not an .xlsx workbook (no ZIP signature).");
        }

        Guarded(file, () =>
        {
            WorkbookGuard.Check(file.LocalPath, limits ?? new SourceLimitsOptions());
            return true;
        });
    }

    public static string HeadText(string path)
    {
        var head = new byte[512];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return System.Text.Encoding.UTF8.GetString(head, 0, read).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
    }

    /// <summary>A workbook that turns out corrupt mid-way fails the file with the cause, as any unreadable file does; one past a limit says which.</summary>
    public static T Guarded<T>(FetchedFile file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (LimitExceededException e)
        {
            throw new SourceException(file.Source, file.FileName, e.Message, e);
        }
        catch (Exception e) when (e is InvalidDataException or ExcelReaderException or XmlException or IOException or FormatException)
        {
            throw new SourceException(file.Source, file.FileName, $"the workbook cannot be read: {e.Message}", e);
        }
    }
}
