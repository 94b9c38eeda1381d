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
    /// <summary>gap/headline.json of the run, checked against the sha256 its data package lists.</summary>
    /// <exception cref="InvalidOperationException">The run has no readable headline.</exception>
    /// <exception cref="DamagedRunException">The headline is not the file the run published (its bytes, or its JSON).</exception>
    public async Task<GapHeadlineDocument> HeadlineAsync(string runId, CancellationToken cancellationToken)
    {
        var package = await PublishedRun.ReadPackageAsync(store, runId, cancellationToken);
        await using var content = await OpenCheckedAsync(package, Schemas.GapHeadline.Name, cancellationToken);
        try
        {
            return await PublishedJson.DeserializeAsync<GapHeadlineDocument>(content, cancellationToken)
                ?? throw new InvalidOperationException($"run {runId}: gap/headline.json is empty.");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new DamagedRunException($"run {runId}: gap/headline.json cannot be read: {e.Message}");
        }
    }

    /// <summary>A resource of the run, read through the sha256 its data package lists (a changed file ends in <see cref="DamagedFileException"/>).</summary>
    private async Task<Stream> OpenCheckedAsync(DataPackage package, string name, CancellationToken cancellationToken)
    {
        var opened = await PublishedRun.OpenResourceAsync(store, package, name, cancellationToken);
        var resource = package.Resources.First(r => r.Name == name);
        return new Sha256CheckingStream(opened.Content, resource.Sha256, resource.Path);
    }

    /// <summary>
    /// The run's gap_by_year rows of one scenario, as column name to value (numbers as numbers,
    /// the rest as text), in file order.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RowsAsync(string runId, string scenarioId, CancellationToken cancellationToken)
    {
        var package = await PublishedRun.ReadPackageAsync(store, runId, cancellationToken);
        await using var content = await OpenCheckedAsync(package, Schemas.GapByYear.Name, cancellationToken);
        using var csv = CsvReader.Create(content, CsvReaderOptions.Default with { Separator = ',' }, leaveOpen: true);
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
