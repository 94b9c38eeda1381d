using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Ember;
using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>An ISO's workbook as <see cref="IsoQueueReader"/> reads it: its sheets, each read when asked.</summary>
public static class IsoWorkbook
{
    /// <exception cref="SourceException">The file is not a workbook, or cannot be read.</exception>
    public static IReadOnlyList<IsoSheet> Sheets(FetchedFile file, SourceLimitsOptions? limits = null)
    {
        QueueWorkbookFile.RejectIfNotXlsx(file, limits);
        return QueueWorkbookFile.Guarded(file, () => Workbook.SheetNames(file.LocalPath))
            .Select(name => new IsoSheet(name, () => GuardedRows(file, Workbook.ReadSheet(file.LocalPath, name, limits))))
            .ToList();
    }

    /// <summary>
    /// The sheets of an ISO's file, whatever its kind: a workbook's sheets, a CSV or a JSON array as
    /// one sheet, an HTML page's tables. ISO-NE publishes its queue both as a page and as an export
    /// workbook, so its file is told by its content (a ZIP signature or markup), not by its address.
    /// </summary>
    public static IReadOnlyList<IsoSheet> SheetsOf(FetchedFile file, QueueFileFormat format, SourceLimitsOptions? limits = null) => format switch
    {
        QueueFileFormat.Spp => IsoTextFiles.CsvSheets(file, limits),
        QueueFileFormat.Miso => IsoTextFiles.JsonSheets(file, limits),
        QueueFileFormat.Isone when !Workbook.IsXlsxFile(file.LocalPath) && IsoHtmlPage.StartsLikeMarkup(file.LocalPath) => IsoHtmlPage.Sheets(file, limits),
        _ => Sheets(file, limits),
    };

    /// <summary>The layout of an ISO's own file format.</summary>
    public static IsoQueueLayout LayoutOf(QueueFileFormat format) => format switch
    {
        QueueFileFormat.Pjm => PjmQueueLayout.Layout,
        QueueFileFormat.Caiso => CaisoQueueLayout.Layout,
        QueueFileFormat.Nyiso => NyisoQueueLayout.Layout,
        QueueFileFormat.Ercot => ErcotQueueLayout.Layout,
        QueueFileFormat.Spp => SppQueueLayout.Layout,
        QueueFileFormat.Miso => MisoQueueLayout.Layout,
        QueueFileFormat.Isone => IsoNeQueueLayout.Layout,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not an ISO's own queue file format"),
    };

    // A workbook that turns out corrupt mid-way fails the file with the cause, as any unreadable file does.
    private static IEnumerable<SheetRow> GuardedRows(FetchedFile file, IEnumerable<SheetRow> rows)
    {
        using var enumerator = rows.GetEnumerator();
        while (QueueWorkbookFile.Guarded(file, enumerator.MoveNext))
        {
            yield return enumerator.Current;
        }
    }
}
