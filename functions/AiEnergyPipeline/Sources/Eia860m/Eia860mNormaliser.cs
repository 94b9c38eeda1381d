using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>
/// Builds the supply-side tables from the EIA-860M vintages, read in month order: generators (the
/// newest vintage), generator_changes (every vintage), planned_realisation and
/// planned_vs_built_by_year (the January vintages). Each generator gets the accreditation class of
/// its technology from the curated technology_classes.csv; a technology that table does not list
/// keeps its rows, with the class "unknown", and is named in a warning.
/// </summary>
public sealed partial class Eia860mNormaliser(ILogger<Eia860mNormaliser> logger) : INormaliser
{
    /// <summary>The source that ships the curated tables of this repository.</summary>
    public const string CuratedSource = SourceNames.Curated;

    public IReadOnlyList<string> Sources { get; } = [Eia860mSource.SourceName, CuratedSource];

    public IReadOnlyList<TableSchema> Tables { get; } = [Schemas.Generators, Schemas.GeneratorChanges, Schemas.PlannedRealisation, Schemas.PlannedVsBuiltByYear];

    /// <summary>Where the curated table ships beside the program, for runs without the curated source.</summary>
    public static string BundledTechnologyClasses => Path.Combine(AppContext.BaseDirectory, "curated", TechnologyClassMap.FileName);

    public async Task<IReadOnlyList<StagedTable>> NormaliseAsync(NormaliseContext context, CancellationToken cancellationToken)
    {
        var classes = LoadTechnologyClasses(context);
        var unknown = new SortedDictionary<string, long>(StringComparer.Ordinal);
        string ClassOf(string technology)
        {
            var accreditation = classes.ClassOf(technology);
            if (accreditation == TechnologyClassMap.Unknown)
            {
                var key = technology.Length == 0 ? "(empty)" : technology;
                unknown[key] = unknown.GetValueOrDefault(key) + 1;
            }

            return accreditation;
        }

        // Its closed stretches wait in staging files until written: memory holds one stretch per generator, not the history.
        using var changes = new GeneratorChangeLog(classes.ClassOf, context.StagingDirectory);
        var plannedVsBuilt = new PlannedVsBuilt(classes.ClassOf);
        var realisation = new List<RealisationRow>();
        GeneratorVintage? newest = null;
        GeneratorVintage? lastJanuary = null;
        var read = new Eia860mReadCounts();
        await foreach (var vintage in Eia860mVintageReader.ReadAsync(context, read, cancellationToken))
        {
            changes.Add(vintage);
            plannedVsBuilt.Add(vintage);
            if (vintage.Start.Month == 1)
            {
                if (lastJanuary is not null && lastJanuary.Start.Year == vintage.Start.Year - 1)
                {
                    realisation.AddRange(PlannedRealisationMeasure.Measure(lastJanuary, vintage, classes.ClassOf));
                }

                lastJanuary = vintage;
            }

            newest = vintage;
            LogVintage(vintage.Month, vintage.Records.Count);
        }

        var counts = context.CountsOf(Eia860mSource.SourceName);
        await using var generators = TableWriter.Create(context.StagingDirectory, Schemas.Generators, context.OriginOf(Schemas.Generators.Sources));
        foreach (var record in newest?.Records ?? [])
        {
            GeneratorRows.Write(generators, record, ClassOf(record.Technology));
            counts.RowsOut++;
        }

        counts.RowsIn += read.DataRows;
        foreach (var (technology, rows) in unknown)
        {
            LogUnknownTechnology(technology, rows);
        }

        return
        [
            await generators.CompleteAsync(cancellationToken),
            await VintageTables.WriteChangesAsync(context.StagingDirectory, context.OriginOf(Schemas.GeneratorChanges.Sources), changes.Rows(), cancellationToken),
            await VintageTables.WriteRealisationAsync(context.StagingDirectory, context.OriginOf(Schemas.PlannedRealisation.Sources), realisation, cancellationToken),
            await VintageTables.WritePlannedVsBuiltAsync(context.StagingDirectory, context.OriginOf(Schemas.PlannedVsBuiltByYear.Sources), plannedVsBuilt.Rows(), cancellationToken),
        ];
    }

    private TechnologyClassMap LoadTechnologyClasses(NormaliseContext context)
    {
        var curated = context.FilesOf(CuratedSource).FirstOrDefault(f => f.FileName == TechnologyClassMap.FileName);
        var map = curated is not null
            ? TechnologyClassMap.Load(curated.LocalPath, CuratedSource)
            : TechnologyClassMap.Load(BundledTechnologyClasses, Eia860mSource.SourceName);
        LogClasses(map.Count, curated is not null ? "the curated source" : BundledTechnologyClasses);
        return map;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "eia860m: technology classes: {Count} technologies from {From}")]
    private partial void LogClasses(int count, string from);

    [LoggerMessage(Level = LogLevel.Information, Message = "eia860m: vintage {Month}: {Rows} generator rows")]
    private partial void LogVintage(string month, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "eia860m: technology '{Technology}' is not in technology_classes.csv: {Rows} rows kept with accreditation_class unknown")]
    private partial void LogUnknownTechnology(string technology, long rows);
}
