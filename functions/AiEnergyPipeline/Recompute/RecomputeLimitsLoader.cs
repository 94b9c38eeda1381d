using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using CsvHelper;
using System.Globalization;

namespace AiEnergyPipeline.Recompute;

/// <summary>
/// Builds the validation limits of a recompute from one published run: its <c>assumptions</c> rows
/// (name, value, unit) and its <c>demand_scenarios</c> ids and years, the years widened to the
/// published base..horizon. The caller names the run, and it must be the run it recomputes: limits
/// of one run and data of another would let a request through that the data cannot take.
/// </summary>
public sealed class RecomputeLimitsLoader(IDatasetStore store)
{
    /// <summary>The limits of the published run <paramref name="runId"/>.</summary>
    /// <exception cref="DamagedRunException">The run's data package or tables are missing or unreadable.</exception>
    public async Task<RecomputeLimits> LoadAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var package = await PublishedRun.ReadPackageAsync(store, runId, cancellationToken);
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
            throw new InvalidOperationException($"run {runId} has no demand scenario years and no base or horizon year.");
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
