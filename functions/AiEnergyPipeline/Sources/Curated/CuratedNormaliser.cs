using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;
using System.Globalization;

namespace AiEnergyPipeline.Sources.Curated;

/// <summary>
/// Builds demand_scenarios and assumptions from the curated files. Assumptions are read first:
/// converting energy and share scenarios to capacity needs their load factor and consumption.
/// </summary>
public sealed class CuratedNormaliser : INormaliser
{
    public IReadOnlyList<string> Sources { get; } = [CuratedSource.SourceName];

    public IReadOnlyList<TableSchema> Tables { get; } = [Schemas.DemandScenarios, Schemas.Assumptions];

    public async Task<IReadOnlyList<StagedTable>> NormaliseAsync(NormaliseContext context, CancellationToken cancellationToken)
    {
        var counts = context.CountsOf(CuratedSource.SourceName);

        var assumptionsFile = Find(context, AssumptionsCsv.FileName);
        IReadOnlyList<Assumption> assumptions;
        await using (var stream = OpenLocal(assumptionsFile))
        {
            assumptions = AssumptionsCsv.Read(stream, assumptionsFile, context.Quarantine.Add, counts);
        }

        var scenariosFile = Find(context, DemandScenariosCsv.FileName);
        IReadOnlyList<DemandScenario> scenarios;
        await using (var stream = OpenLocal(scenariosFile))
        {
            scenarios = DemandScenariosCsv.Read(stream, scenariosFile, new AssumptionSet(assumptions), context.Quarantine.Add, counts);
        }

        cancellationToken.ThrowIfCancellationRequested();
        await using var scenarioWriter = TableWriter.Create(context.StagingDirectory, Schemas.DemandScenarios, context.OriginOf(Schemas.DemandScenarios.Sources));
        foreach (var s in scenarios)
        {
            scenarioWriter.Csv.WriteField(s.ScenarioId);
            scenarioWriter.Csv.WriteField(s.Year);
            scenarioWriter.Csv.WriteField(s.Value);
            scenarioWriter.Csv.WriteField(s.Unit);
            scenarioWriter.Csv.WriteField(s.Basis.Name());
            scenarioWriter.Csv.WriteField(s.AiLoadGw);
            scenarioWriter.Csv.WriteField(s.LoadFactor is { } lf ? lf.ToString("R", CultureInfo.InvariantCulture) : "");
            scenarioWriter.Csv.WriteField(s.Source);
            scenarioWriter.Csv.WriteField(s.Url);
            scenarioWriter.Csv.WriteField(s.Notes);
            scenarioWriter.EndRow();
            counts.RowsOut++;
        }

        await using var assumptionWriter = TableWriter.Create(context.StagingDirectory, Schemas.Assumptions, OriginColumn.Curated);
        foreach (var a in assumptions)
        {
            assumptionWriter.Csv.WriteField(a.Name);
            assumptionWriter.Csv.WriteField(a.Value);
            assumptionWriter.Csv.WriteField(a.Unit);
            assumptionWriter.Csv.WriteField(a.Source);
            assumptionWriter.Csv.WriteField(a.Url);
            assumptionWriter.Csv.WriteField(a.Notes);
            assumptionWriter.EndRow();
            counts.RowsOut++;
        }

        return [await scenarioWriter.CompleteAsync(cancellationToken), await assumptionWriter.CompleteAsync(cancellationToken)];
    }

    private static FetchedFile Find(NormaliseContext context, string fileName)
    {
        var files = context.FilesOf(CuratedSource.SourceName);
        return files.SingleOrDefault(f => f.FileName == fileName)
            ?? throw new SourceException(CuratedSource.SourceName, fileName,
                $"the file is not among the curated files ({(files.Count == 0 ? "none were fetched" : string.Join(", ", files.Select(f => f.FileName)))}).");
    }

    private static FileStream OpenLocal(FetchedFile file) =>
        new(file.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
}
