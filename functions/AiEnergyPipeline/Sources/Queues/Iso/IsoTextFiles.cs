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
    public static IReadOnlyList<IsoSheet> CsvSheets(FetchedFile file)
    {
        using (var head = File.OpenRead(file.LocalPath))
        {
            CsvInput.RejectIfNotCsv(head, file);
        }

        return [new IsoSheet(file.FileName, () => CsvLines(file))];
    }

    /// <exception cref="SourceException">The file is not a JSON array of objects.</exception>
    public static IReadOnlyList<IsoSheet> JsonSheets(FetchedFile file)
    {
        List<SheetRow> rows;
        try
        {
            using var content = File.OpenRead(file.LocalPath);
            using var document = JsonDocument.Parse(content);
            rows = JsonRows(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new SourceException(file.Source, file.FileName, $"the file is not JSON: {e.Message}", e);
        }

        return rows.Count == 0 ? [] : [new IsoSheet(file.FileName, () => rows)];
    }

    private static IEnumerable<SheetRow> CsvLines(FetchedFile file)
    {
        using var content = File.OpenRead(file.LocalPath);
        using var csv = CsvReader.Create(content, CsvReaderOptions.Default with { Separator = ',', HasHeader = false, TrackLineNumbers = true, AllowLineBreaksInQuotes = true }, leaveOpen: true);
        while (csv.Read())
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
    private static List<SheetRow> JsonRows(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("the top level is not an array of projects.");
        }

        var keys = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in root.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            foreach (var property in item.EnumerateObject().Where(p => index.TryAdd(p.Name, keys.Count)))
            {
                keys.Add(property.Name);
            }
        }

        var rows = new List<SheetRow> { new(1, [.. keys]) };
        foreach (var item in root.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            var values = new object?[keys.Count];
            foreach (var property in item.EnumerateObject())
            {
                values[index[property.Name]] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetDouble(),
                    JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    _ => null,
                };
            }

            rows.Add(new SheetRow(rows.Count + 1, values));
        }

        return rows;
    }
}
