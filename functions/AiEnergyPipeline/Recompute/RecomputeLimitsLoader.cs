using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using CsvHelper;
using System.Globalization;

namespace AiEnergyPipeline.Recompute;

/// <summary>
/// Builds the validation limits of a recompute from the latest run: its <c>assumptions</c> rows
/// (name, value, unit) and its <c>demand_scenarios</c> ids and years, the years widened to the
/// published base..horizon.
/// </summary>
public sealed class RecomputeLimitsLoader(IDatasetStore store, RunPublisher publisher)
{
    public const string DamagedLatestAdvice = "There is no whole run to recompute from: run an ingest ('aienergy run'), which publishes a new run in its place.";

    /// <summary>The limits of the latest run, or null when nothing has been published yet.</summary>
    /// <exception cref="DamagedRunException">latest.json is damaged, or the latest run's data package or tables are missing or unreadable.</exception>
    public async Task<RecomputeLimits?> LoadAsync(CancellationToken cancellationToken)
    {
        var (latest, _, problem) = await publisher.ReadLatestAsync(cancellationToken);
        if (problem is not null)
        {
            throw new DamagedRunException($"{problem} {DamagedLatestAdvice}");
        }

        if (latest is null)
        {
            return null;
        }

        var package = await PublishedRun.ReadPackageAsync(store, latest.RunId, cancellationToken);
        var assumptions = await ReadAsync(package, Schemas.Assumptions, r => (Name: r("name"), Value: double.Parse(r("value"), NumberStyles.Float, CultureInfo.InvariantCulture), Unit: r("unit")), cancellationToken);
        var scenarios = await ReadAsync(package, Schemas.DemandScenarios, r => (Id: r("scenario_id"), Year: int.Parse(r("year"), NumberStyles.Integer, CultureInfo.InvariantCulture)), cancellationToken);

        var years = scenarios.Select(s => s.Year).ToList();
        foreach (var name in new[] { AssumptionNames.BaseYear, AssumptionNames.HorizonYear })
        {
            if (assumptions.FirstOrDefault(a => a.Name == name) is { Name: not null } year && year.Value == Math.Floor(year.Value) && year.Value is >= 1900 and <= 2200)
            {
                years.Add((int)year.Value);
            }
        }

        if (years.Count == 0)
        {
            throw new InvalidOperationException($"run {latest.RunId} has no demand scenario years and no base or horizon year.");
        }

        return RecomputeLimits.FromAssumptions(assumptions, scenarios.Select(s => s.Id), years.Min(), years.Max());
    }

    /// <summary>Reads every row of a published table; <paramref name="read"/> gets a row's fields by column name.</summary>
    private async Task<List<T>> ReadAsync<T>(DataPackage package, TableSchema schema, Func<Func<string, string>, T> read, CancellationToken cancellationToken)
    {
        await using var opened = await PublishedRun.OpenResourceAsync(store, package, schema.Name, cancellationToken);
        using var csv = CsvReader.Create(opened.Content, CsvReaderOptions.Default with { Separator = ',' }, leaveOpen: true);
        var columns = csv.Headers.Select((h, i) => (h, i)).ToDictionary(p => p.h.Trim(), p => p.i, StringComparer.Ordinal);
        string Field(string name) => columns.TryGetValue(name, out var i) && i < csv.FieldCount
            ? csv.GetString(i).Trim()
            : throw new InvalidOperationException($"run {package.Id}: {schema.Name} has no column '{name}'.");

        var rows = new List<T>();
        while (csv.Read())
        {
            rows.Add(read(Field));
        }

        return rows;
    }
}
