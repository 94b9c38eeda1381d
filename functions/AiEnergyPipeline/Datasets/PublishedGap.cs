using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using CsvHelper;
using System.Globalization;

namespace AiEnergyPipeline.Datasets;

/// <summary>The gap of a published run, read back for the HTTP API and the CLI: headlines and gap_by_year rows.</summary>
public sealed class PublishedGap(IDatasetStore store)
{
    /// <summary>gap/headline.json of the run.</summary>
    /// <exception cref="InvalidOperationException">The run has no readable headline.</exception>
    public async Task<GapHeadlineDocument> HeadlineAsync(string runId, CancellationToken cancellationToken)
    {
        var package = await PublishedRun.ReadPackageAsync(store, runId, cancellationToken);
        await using var opened = await PublishedRun.OpenResourceAsync(store, package, Schemas.GapHeadline.Name, cancellationToken);
        return await PublishedJson.DeserializeAsync<GapHeadlineDocument>(opened.Content, cancellationToken)
            ?? throw new InvalidOperationException($"run {runId}: gap/headline.json is empty.");
    }

    /// <summary>
    /// The run's gap_by_year rows of one scenario, as column name to value (numbers as numbers,
    /// the rest as text), in file order.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RowsAsync(string runId, string scenarioId, CancellationToken cancellationToken)
    {
        var package = await PublishedRun.ReadPackageAsync(store, runId, cancellationToken);
        await using var opened = await PublishedRun.OpenResourceAsync(store, package, Schemas.GapByYear.Name, cancellationToken);
        using var csv = CsvReader.Create(opened.Content, CsvReaderOptions.Default with { Separator = ',' }, leaveOpen: true);
        var fields = csv.Headers.Select(h => Schemas.GapByYear.Fields.FirstOrDefault(f => f.Name == h.Trim()) ?? new FieldSchema(h.Trim(), "string", "")).ToList();
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        while (csv.Read())
        {
            if (csv.GetString(0) != scenarioId)
            {
                continue;
            }

            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < fields.Count && i < csv.FieldCount; i++)
            {
                row[fields[i].Name] = Value(fields[i], csv.GetString(i));
            }

            rows.Add(row);
        }

        return rows;
    }

    private static object? Value(FieldSchema field, string text) => field.Type switch
    {
        _ when text.Length == 0 => null,
        "number" => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        "integer" or "year" => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
        _ => text,
    };
}
