using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Globalization;

namespace AiEnergyPipeline.Sources.Ember;

/// <summary>
/// Builds country_capacity from Ember's yearly release, whichever of its layouts the file has.
/// Rows in = data rows of the file; rows out = table rows, computed totals included. What was
/// skipped (regions, non-capacity rows, blanks) is logged per file.
/// </summary>
public sealed partial class EmberNormaliser(ILogger<EmberNormaliser> logger, IOptions<SourceLimitsOptions>? limits = null) : INormaliser
{
    public IReadOnlyList<string> Sources { get; } = [EmberSource.SourceName];

    public IReadOnlyList<TableSchema> Tables { get; } = [Schemas.CountryCapacity];

    public async Task<IReadOnlyList<StagedTable>> NormaliseAsync(NormaliseContext context, CancellationToken cancellationToken)
    {
        var counts = context.CountsOf(EmberSource.SourceName);
        var builder = new CountryCapacityBuilder();
        foreach (var file in context.FilesOf(EmberSource.SourceName))
        {
            var stats = new EmberReadStats();
            await using (var stream = new FileStream(file.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
            {
                foreach (var value in EmberCapacityCsv.Read(stream, file, context.Quarantine.Add, stats, limits?.Value))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    builder.Add(value, file, context.Quarantine.Add);
                }
            }

            counts.RowsIn += stats.Rows;
            LogRead(file.FileName, stats.Layout, stats.Rows, stats.Values, stats.Blank, stats.NotCapacity, stats.NotCountry, stats.Quarantined);
            if (stats.Values == 0)
            {
                // A file of no capacity at all (only a header, or every row set aside) is no release of Ember's: published, it would
                // empty country_capacity and us_vs_china_additions and take latest.json with it.
                throw new SourceException(file.Source, file.FileName, $"no capacity value could be read ({stats.Rows:N0} rows, {stats.Quarantined:N0} quarantined): the file is not the yearly release this source reads.");
            }
        }

        await using var writer = TableWriter.Create(context.StagingDirectory, Schemas.CountryCapacity, context.OriginOf(Schemas.CountryCapacity.Sources));
        foreach (var row in builder.Rows())
        {
            writer.Csv.WriteField(row.Iso3);
            writer.Csv.WriteField(row.Country);
            writer.Csv.WriteField(row.Year);
            writer.Csv.WriteField(row.Fuel);
            writer.Csv.WriteField(row.IsAggregate);
            writer.Csv.WriteField(row.CapacityGw is { } capacity ? Gw(capacity) : "");
            writer.Csv.WriteField(row.AdditionsGw is { } additions ? Gw(additions) : "");
            writer.Csv.WriteField(row.Complete);

            writer.EndRow();
        }

        counts.RowsOut += writer.Rows;
        return [await writer.CompleteAsync(cancellationToken)];
    }

    /// <summary>Fixed notation to the builder's precision: "0.000001", never "1E-06".</summary>
    private static string Gw(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "ember: {File}: {Layout}, {Rows} rows: {Values} capacity values, {Blank} blank, {NotCapacity} not capacity, {NotCountry} regions or areas without ISO 3 code, {Quarantined} quarantined")]
    private partial void LogRead(string file, EmberLayout layout, long rows, long values, long blank, long notCapacity, long notCountry, long quarantined);
}
