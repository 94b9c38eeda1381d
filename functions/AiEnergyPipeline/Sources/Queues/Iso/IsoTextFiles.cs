using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using CsvHelper;
using System.Text.Json;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>
/// ISO queue files that are not workbooks, as one sheet each for <see cref="IsoQueueReader"/>: a
/// CSV read without assuming its first line is the header (SPP writes "Last Updated On, date"
/// above it), and a JSON array of objects (MISO's queue API), its first object's keys the header.
/// The sheet is named after the file, so that a file of withdrawn requests says so.
/// </summary>
public static class IsoTextFiles
{
    /// <exception cref="SourceException">The file is empty or an HTML page.</exception>
    public static IReadOnlyList<IsoSheet> CsvSheets(FetchedFile file, SourceLimitsOptions? limits = null)
    {
        using (var head = File.OpenRead(file.LocalPath))
        {
            CsvInput.RejectIfNotCsv(head, file);
        }

        return [new IsoSheet(file.FileName, () => CsvLines(file, limits))];
    }

    /// <summary>
    /// The array's objects are read one at a time, twice: once for the header (every key any object
    /// has), then for the rows, so that memory holds one object, not the file.
    /// </summary>
    /// <exception cref="SourceException">The file is not a JSON array of objects.</exception>
    /// <param name="limits">Its keys are the sheet's columns: at most <see cref="SourceLimitsOptions.MaxSheetColumns"/> (each row is as wide as the header).</param>
    public static IReadOnlyList<IsoSheet> JsonSheets(FetchedFile file, SourceLimitsOptions? limits = null)
    {
        var maxColumns = (limits ?? new SourceLimitsOptions()).MaxSheetColumns;
        var keys = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var objects = 0;
        foreach (var item in JsonObjects(file))
        {
            objects++;
            foreach (var property in item.EnumerateObject().Where(p => index.TryAdd(p.Name, keys.Count)))
            {
                keys.Add(property.Name);
                if (keys.Count > maxColumns)
                {
                    // Objects of ever new keys would make every row as wide as all of them: time and memory growing as the square of the file.
                    throw new SourceException(file.Source, file.FileName, new LimitExceededException("the number of distinct keys (the sheet's columns)", maxColumns, SourceLimitsOptions.Setting(nameof(SourceLimitsOptions.MaxSheetColumns))).Message);
                }
            }
        }

        return objects == 0 ? [] : [new IsoSheet(file.FileName, () => JsonRows(file, keys, index))];
    }

    private static IEnumerable<SheetRow> CsvLines(FetchedFile file, SourceLimitsOptions? limits)
    {
        using var content = File.OpenRead(file.LocalPath);
        // Bounded like every source CSV: a quote never closed must not grow one field to the file's size.
        using var csv = CsvInput.Open(content, file.Source, file.FileName, CsvReaderOptions.Default with { Separator = ',', HasHeader = false, TrackLineNumbers = true, AllowLineBreaksInQuotes = true }, limits);
        while (CsvInput.Read(csv, file.Source, file.FileName, limits))
        {
            var values = new object?[csv.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = csv.GetString(i);
            }

            var row = new SheetRow((int)csv.LineNumber, values);
            if (!row.IsBlank)
            {
                yield return row;
            }
        }
    }

    /// <summary>The header (the first object's keys, then any key a later object adds) and one row per object.</summary>
    private static IEnumerable<SheetRow> JsonRows(FetchedFile file, List<string> keys, Dictionary<string, int> index)
    {
        yield return new SheetRow(1, [.. keys]);
        var line = 1;
        foreach (var item in JsonObjects(file))
        {
            var values = new object?[keys.Count];
            foreach (var property in item.EnumerateObject())
            {
                values[index[property.Name]] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.TryGetDouble(out var number) && double.IsFinite(number) ? number : property.Value.GetRawText(),
                    JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    _ => null,
                };
            }

            yield return new SheetRow(++line, values);
        }
    }

    /// <summary>The objects of the file's top-level array, one parsed at a time (items that are not objects are skipped).</summary>
    /// <exception cref="SourceException">The file is not JSON, or its top level is not an array.</exception>
    private static IEnumerable<JsonElement> JsonObjects(FetchedFile file)
    {
        using var content = File.OpenRead(file.LocalPath);
        using var items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(content, topLevelValues: false).ToBlockingEnumerable().GetEnumerator();
        while (true)
        {
            try
            {
                if (!items.MoveNext())
                {
                    yield break;
                }
            }
            catch (JsonException e)
            {
                throw new SourceException(file.Source, file.FileName, $"the file is not a JSON array of projects: {e.Message}", e);
            }

            if (items.Current.ValueKind == JsonValueKind.Object)
            {
                yield return items.Current;
            }
        }
    }
}
