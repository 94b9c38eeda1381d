using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>
/// Reads an ISO's queue file with its <see cref="IsoQueueLayout"/>: every sheet whose header has the
/// layout's required columns is read (notes, legends and summary sheets are passed over); rows
/// without a queue id and without a capacity (titles repeated, legends and footers below the data)
/// are passed over too. A file with no such sheet fails, naming the file and the columns the
/// closest sheet missed, so that the ISO fails while the others publish.
/// </summary>
public static class IsoQueueReader
{
    /// <exception cref="SourceException">No sheet has the layout's columns.</exception>
    public static IEnumerable<QueueProject> Read(FetchedFile file, IReadOnlyList<IsoSheet> sheets, IsoQueueLayout layout, Action<QuarantineRecord> quarantine)
    {
        // Headers are checked before any row is given, so that a wrong layout fails before the file's rows are counted.
        // Only what was learnt of each sheet is kept, not its open reader: a workbook of many matching sheets
        // held one reader each (with its shared strings) at once. Each sheet is read again, one at a time, for its rows.
        var found = new List<FoundSheet>();
        (string Sheet, IReadOnlyList<string> Missing)? closest = null;
        foreach (var sheet in sheets)
        {
            var head = sheet.Rows().Take(IsoHeader.ScanRows).ToList();
            var (map, headers, index, missing) = IsoHeader.Find(head, layout.Specs);
            if (map is null)
            {
                if (closest is null || missing.Count < closest.Value.Missing.Count)
                {
                    closest = (sheet.Name, missing);
                }

                continue;
            }

            found.Add(new FoundSheet(sheet, index, map, headers));
        }

        if (found.Count == 0)
        {
            // Named as the ISO names them (the first header each field has had), not by the reader's field names.
            // A file without a sheet (an HTML page without a table: an error or login page) lacks every required column.
            var (where, missing) = closest is { } c ? ($"the closest, sheet '{c.Sheet}'", c.Missing) : ("the file has no sheet or table", layout.Specs.Where(s => s.Required).Select(s => s.Name).ToList());
            var detail = $"{where}: {ColumnMap.MissingMessage(missing.Select(m => HeaderOf(layout, m)).ToList())}";
            throw new SourceException(file.Source, file.FileName, $"not in the {layout.Region} queue layout: no sheet has its columns; {detail}");
        }

        return ReadSheets(file, found, layout, quarantine);
    }

    private static IEnumerable<QueueProject> ReadSheets(FetchedFile file, List<FoundSheet> sheets, IsoQueueLayout layout, Action<QuarantineRecord> quarantine)
    {
        foreach (var sheet in sheets)
        {
            // The rows after the header, read again from the sheet's start (blank rows were never counted).
            foreach (var raw in sheet.Sheet.Rows().Skip(sheet.HeaderIndex + 1))
            {
                var row = new IsoRow(raw, sheet.Map, sheet.Headers);
                var project = IsoRowReader.Read(row, sheet.Sheet.Name, file, layout, out var reason);
                if (project is not null)
                {
                    yield return project;
                }
                else if (reason is not null)
                {
                    var location = new QueueRowLocation(row.Number, sheet.Sheet.Name);
                    quarantine(new QuarantineRecord(file.Source, file.FileName, file.RawPath, row.Number, location.ReasonPrefix + reason, row.Excerpt()));
                }
            }
        }
    }

    private static string HeaderOf(IsoQueueLayout layout, string field) =>
        layout.Specs.First(s => s.Name == field) is { Aliases.Length: > 0 } spec ? spec.Aliases[0] : field;

    /// <param name="HeaderIndex">The header's place among the sheet's first rows (blank rows not counted).</param>
    private sealed record FoundSheet(IsoSheet Sheet, int HeaderIndex, ColumnMap Map, IReadOnlyList<string?> Headers);
}
