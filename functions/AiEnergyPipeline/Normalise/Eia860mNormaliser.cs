using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Normalise;

/// <summary>
/// Builds the generators table from the EIA-860M workbook, giving each generator the
/// accreditation class of its technology from the curated technology_classes.csv. A technology
/// that table does not list keeps its rows, with the class "unknown", and is named in a warning.
/// </summary>
public sealed partial class Eia860mNormaliser(ILogger<Eia860mNormaliser> logger, IOptions<SourceLimitsOptions>? limits = null) : INormaliser
{
    /// <summary>The source that ships the curated tables of this repository.</summary>
    public const string CuratedSource = "curated";

    public IReadOnlyList<string> Sources { get; } = [Eia860mSource.SourceName, CuratedSource];

    public IReadOnlyList<TableSchema> Tables { get; } = [Schemas.Generators];

    /// <summary>Where the curated table ships beside the program, for runs without the curated source.</summary>
    public static string BundledTechnologyClasses => Path.Combine(AppContext.BaseDirectory, "curated", TechnologyClassMap.FileName);

    public async Task<IReadOnlyList<StagedTable>> NormaliseAsync(NormaliseContext context, CancellationToken cancellationToken)
    {
        var classes = LoadTechnologyClasses(context);
        await using var writer = TableWriter.Create(context.StagingDirectory, Schemas.Generators);
        var counts = context.CountsOf(Eia860mSource.SourceName);
        var unknown = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in context.FilesOf(Eia860mSource.SourceName))
        {
            var read = new Eia860mReadCounts();
            foreach (var record in Eia860mWorkbook.Read(file, context.Quarantine.Add, read, limits?.Value))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var accreditation = classes.ClassOf(record.Technology);
                if (accreditation == TechnologyClassMap.Unknown)
                {
                    var key = record.Technology.Length == 0 ? "(empty)" : record.Technology;
                    unknown[key] = unknown.GetValueOrDefault(key) + 1;
                }

                Write(writer, record, accreditation);
                counts.RowsOut++;
            }

            counts.RowsIn += read.DataRows;
            LogRead(file.FileName, read.DataRows, read.NoteRows);
        }

        foreach (var (technology, rows) in unknown)
        {
            LogUnknownTechnology(technology, rows);
        }

        return [await writer.CompleteAsync(cancellationToken)];
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

    private static void Write(TableWriter writer, GeneratorRecord r, string accreditation)
    {
        var csv = writer.Csv;
        csv.WriteField(r.ReportMonth);
        csv.WriteField(r.Sheet.Name);
        csv.WriteField(r.PlantId);
        csv.WriteField(r.GeneratorId);
        csv.WriteField(r.PlantName);
        csv.WriteField(r.State);
        csv.WriteField(r.County);
        csv.WriteField(r.BalancingAuthorityCode);
        csv.WriteField(r.Sector);
        csv.WriteField(r.Technology);
        csv.WriteField(accreditation);
        csv.WriteField(r.EnergySourceCode);
        csv.WriteField(r.PrimeMoverCode);
        csv.WriteField(r.Status);
        csv.WriteField(r.NameplateMw);
        csv.WriteField(r.NetSummerMw);
        csv.WriteField(r.NetWinterMw);
        csv.WriteField(r.OperatingMonth);
        csv.WriteField(r.PlannedOperationMonth);
        csv.WriteField(r.PlannedRetirementMonth);
        csv.WriteField(r.RetirementMonth);
        csv.WriteField(r.Latitude);
        csv.WriteField(r.Longitude);
        writer.EndRow();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "eia860m: technology classes: {Count} technologies from {From}")]
    private partial void LogClasses(int count, string from);

    [LoggerMessage(Level = LogLevel.Information, Message = "eia860m: {File}: {Rows} generator rows, {Notes} note rows skipped")]
    private partial void LogRead(string file, long rows, long notes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "eia860m: technology '{Technology}' is not in technology_classes.csv: {Rows} rows kept with accreditation_class unknown")]
    private partial void LogUnknownTechnology(string technology, long rows);
}
