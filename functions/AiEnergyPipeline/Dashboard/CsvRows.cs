using System.Globalization;
using AiEnergyPipeline.Storage;
using CsvHelper;

namespace AiEnergyPipeline.Dashboard;

/// <summary>
/// The small CSV outputs a page shows (gap, assumptions, scenarios), read whole from the store as
/// rows of named cells. Only files the run wrote itself and the page needs are read this way; the
/// large tables are linked, never read.
/// </summary>
internal static class CsvRows
{
    /// <summary>The rows of a store file, or none when the run has no such file.</summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> ReadAsync(IDatasetStore store, string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return [];
        }

        await using var stored = await store.OpenReadAsync(path, cancellationToken);
        if (stored is null)
        {
            return [];
        }

        return Parse(stored.Content);
    }

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(Stream content)
    {
        using var csv = CsvReader.Create(content, CsvReaderOptions.Default with { Separator = ',' }, leaveOpen: true);
        var header = csv.Headers.Select(h => h.Trim()).ToList();
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count && i < csv.FieldCount; i++)
            {
                row[header[i]] = csv.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A cell as a number, or null when empty or not a number (the gap's outputs leave a figure empty when unknown).</summary>
    public static double? Number(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var cell) && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;

    public static string Text(IReadOnlyDictionary<string, string> row, string column) => row.TryGetValue(column, out var cell) ? cell : "";
}
