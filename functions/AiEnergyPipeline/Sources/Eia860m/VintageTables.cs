using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>Writes the tables measured across EIA-860M vintages, in their schemas' column order.</summary>
public static class VintageTables
{
    public static async Task<StagedTable> WriteChangesAsync(string staging, string origin, IEnumerable<GeneratorChange> rows, CancellationToken cancellationToken)
    {
        await using var writer = TableWriter.Create(staging, Schemas.GeneratorChanges, origin);
        foreach (var c in rows)
        {
            var csv = writer.Csv;
            csv.WriteField(c.PlantId);
            csv.WriteField(c.GeneratorId);
            csv.WriteField(c.ValidFromMonth);
            csv.WriteField(c.ValidUntilMonth);
            csv.WriteField(c.State.Sheet);
            csv.WriteField(c.State.Status);
            csv.WriteField(c.State.PlannedOperationMonth);
            csv.WriteField(c.State.OperatingMonth);
            csv.WriteField(c.State.NameplateMw);
            csv.WriteField(c.State.NetSummerMw);
            csv.WriteField(c.State.Technology);
            csv.WriteField(c.State.AccreditationClass);
            csv.WriteField(c.State.BalancingAuthorityCode);
            csv.WriteField(c.State.State);
            writer.EndRow();
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    public static async Task<StagedTable> WriteRealisationAsync(string staging, string origin, IEnumerable<RealisationRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = TableWriter.Create(staging, Schemas.PlannedRealisation, origin);
        foreach (var r in rows)
        {
            var csv = writer.Csv;
            csv.WriteField(r.CohortYear);
            csv.WriteField(r.AccreditationClass);
            csv.WriteField(r.StatusAtStart);
            csv.WriteField(r.Units);
            csv.WriteField(Round(r.PlannedMw));
            csv.WriteField(Round(r.OnlineMw));
            csv.WriteField(Round(r.SlippedMw));
            csv.WriteField(Round(r.CanceledMw));
            csv.WriteField(Round(r.VanishedMw));
            csv.WriteField(r.RealisationRate is { } rate ? Math.Round(rate, 6) : null);
            csv.WriteField(r.MeanSlipMonths is { } slip ? Math.Round(slip, 3) : null);
            csv.WriteField(r.StartVintage);
            csv.WriteField(r.EndVintage);
            writer.EndRow();
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    public static async Task<StagedTable> WritePlannedVsBuiltAsync(string staging, string origin, IEnumerable<PlannedVsBuiltRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = TableWriter.Create(staging, Schemas.PlannedVsBuiltByYear, origin);
        foreach (var r in rows)
        {
            var csv = writer.Csv;
            csv.WriteField(r.Year);
            csv.WriteField(r.AccreditationClass);
            csv.WriteField(Math.Round(r.PlannedGw, 6));
            csv.WriteField(r.BuiltGw is { } built ? Math.Round(built, 6) : null);
            csv.WriteField(r.PlannedVintage);
            csv.WriteField(r.BuiltVintage);
            csv.WriteField(r.YearComplete);
            writer.EndRow();
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    // Sums of a few decimals each: rounding to 1e-6 MW removes float noise and keeps the re-adding exact to far below 0.001 MW.
    private static double Round(double mw) => Math.Round(mw, 6);
}
