using AiEnergyPipeline.Tables;
using CsvHelper;
using System.Globalization;

namespace AiEnergyPipeline.Gap;

/// <summary>
/// Puts the completion weights measured from planned_realisation into the run's assumptions table,
/// in place of the curated ones they replace (notes beginning MEASURED, with their cohorts and
/// source), so that the gap, the published table and a later recompute all see the same weights,
/// and a recompute can override any of them as it overrides any assumption.
/// </summary>
public static class MeasuredAssumptions
{
    public const string MeasuredNote = "MEASURED";
    public const string Source = "EIA-860M monthly vintages, measured by AiEnergyPipeline (planned_realisation)";
    public const string Url = "https://www.eia.gov/electricity/data/eia860m/";

    /// <summary>The tables with the assumptions table rewritten, and the weights measured; unchanged when there is no planned_realisation or nothing large enough to measure.</summary>
    public static async Task<(IReadOnlyList<StagedTable> Tables, IReadOnlyList<MeasuredWeight> Weights)> ApplyAsync(IReadOnlyList<StagedTable> tables, CompletionLearningOptions options, CancellationToken cancellationToken)
    {
        var realisation = tables.FirstOrDefault(t => t.Schema.Name == Schemas.PlannedRealisation.Name && t.IsTable);
        var assumptions = tables.FirstOrDefault(t => t.Schema.Name == Schemas.Assumptions.Name && t.IsTable);
        if (realisation is null || assumptions is null)
        {
            return (tables, []);
        }

        var (cohorts, measuredOrigin) = ReadCohorts(realisation.LocalPath);
        var weights = CompletionWeights.Learn(cohorts, options);
        if (weights.Count == 0)
        {
            return (tables, weights);
        }

        var rows = ReadRows(assumptions.LocalPath);
        var byName = weights.ToDictionary(w => w.Name, StringComparer.Ordinal);
        var staging = Path.GetDirectoryName(assumptions.LocalPath)!;
        await using var writer = TableWriter.Create(staging, Schemas.Assumptions, measuredOrigin);
        // Replaced rows keep their place; weights by status and class, which no curated row has, follow.
        // A measured row's origin is planned_realisation's (EIA-860M's files); a curated row keeps its own (its last cell).
        foreach (var row in rows.Select(r => byName.TryGetValue(r[0], out var w) ? [.. Row(w), measuredOrigin] : r)
                     .Concat(weights.Where(w => !rows.Any(r => r[0] == w.Name)).Select(w => (string[])[.. Row(w), measuredOrigin])))
        {
            foreach (var cell in row[..^1])
            {
                writer.Csv.WriteField(cell);
            }

            writer.EndRow(row[^1]);
        }

        var staged = await writer.CompleteAsync(cancellationToken);
        return (tables.Select(t => ReferenceEquals(t, assumptions) ? staged : t).ToList(), weights);
    }

    /// <summary>Whether an assumptions row's notes say it was measured.</summary>
    public static bool IsMeasured(string notes) => notes.StartsWith(MeasuredNote, StringComparison.Ordinal);

    private static string[] Row(MeasuredWeight w) =>
        [w.Name, w.Value.ToString("R", CultureInfo.InvariantCulture), "fraction", Source, Url, w.Notes];

    private static List<string[]> ReadRows(string path)
    {
        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ',' }, leaveOpen: true);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        }

        return rows;
    }

    /// <summary>The cohorts of planned_realisation, and the origin of its rows.</summary>
    private static (List<RealisationCohort> Cohorts, string Origin) ReadCohorts(string path)
    {
        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ',' }, leaveOpen: true);
        var at = csv.Headers.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i, StringComparer.Ordinal);
        var rows = new List<RealisationCohort>();
        var origins = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            origins.Add(csv.GetString(at[OriginColumn.Name]));
            rows.Add(new RealisationCohort(
                int.Parse(csv.GetString(at["cohort_year"]), CultureInfo.InvariantCulture),
                csv.GetString(at["accreditation_class"]),
                csv.GetString(at["status_at_start"]),
                double.Parse(csv.GetString(at["planned_mw"]), CultureInfo.InvariantCulture),
                double.Parse(csv.GetString(at["online_mw"]), CultureInfo.InvariantCulture)));
        }

        return (rows, OriginColumn.Combine(origins));
    }
}
