using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Gap.Charts;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiEnergyPipeline.Gap;

/// <summary>Writes a computed gap as the run's gap/ files in the staging folder, in a fixed order.</summary>
public static class GapOutputs
{
    // Published JSON conventions, but sentences keep their apostrophes readable ('s, not \u0027s):
    // the file is data, never embedded in HTML.
    private static readonly JsonSerializerOptions HeadlineJson = new(PublishedJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A headline as published: a sample run's starts with <see cref="RunMode.SampleWarning"/>, so that it cannot be quoted as a finding.</summary>
    public static string HeadlineText(string headline, bool sample) => sample ? $"{RunMode.SampleWarning} {headline}" : headline;

    /// <param name="sample">The inputs include sample files: headlines and the chart say the numbers are not real.</param>
    /// <param name="origins">Each source's origin in the run, for the tables' <see cref="OriginColumn"/>; null: every source sample when <paramref name="sample"/>, else fetched.</param>
    /// <exception cref="GapException">A number of the result is not finite (<see cref="FiniteOutputs"/>): nothing is written.</exception>
    public static async Task<IReadOnlyList<StagedTable>> WriteAsync(GapResult result, IReadOnlyList<ScenarioPoint> scenarios, string runId, string stagingDirectory, bool sample, CancellationToken cancellationToken, SourceOrigins? origins = null)
    {
        FiniteOutputs.Require(result);
        origins ??= SourceOrigins.All(sample ? OriginColumn.Sample : OriginColumn.Fetched);
        var staged = new List<StagedTable>
        {
            await WriteGapRowsAsync(stagingDirectory, Schemas.GapByYear, origins.Of(Schemas.GapByYear), result.ByYear, cancellationToken),
            await WriteGapRowsAsync(stagingDirectory, Schemas.GapByRegion, origins.Of(Schemas.GapByRegion), result.ByRegion, cancellationToken),
            await WriteAdditionsAsync(stagingDirectory, origins.Of(Schemas.AdditionsByYearTechnology), result.Additions, cancellationToken),
            await WriteUsVsChinaAsync(stagingDirectory, origins.Of(Schemas.UsVsChinaAdditions), result.UsVsChina, cancellationToken),
        };

        var folder = Path.Combine(stagingDirectory, Schemas.GapFolder);
        var headlinePath = Path.Combine(folder, Schemas.GapHeadline.Name + ".json");
        var document = new GapHeadlineDocument(
            runId,
            sample,
            result.Settings.BaseYear,
            result.Settings.HorizonYear,
            GapModel.Round6(result.Settings.ReserveMargin),
            result.Headlines.Select(h => new GapHeadlineEntry(h.ScenarioId, h.Source, h.GapGw2028, h.HorizonYear, h.GapGwHorizon, HeadlineText(h.Headline, sample))).ToList(),
            result.PeakShareYear,
            result.Notes);
        await File.WriteAllBytesAsync(headlinePath, JsonSerializer.SerializeToUtf8Bytes(document, HeadlineJson), cancellationToken);
        staged.Add(await StagedTable.OfFileAsync(Schemas.GapHeadline, headlinePath, "json", Schemas.GapFolder, cancellationToken));

        var chartPath = Path.Combine(folder, Schemas.GapChart.Name + ".svg");
        var publishers = scenarios.Select(s => Publisher(s.Source)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var chart = SupplyDemandChart.Render(result.ByYear, SupplyDemandChart.SourceLine(publishers, runId, sample), sample);
        await File.WriteAllTextAsync(chartPath, chart, new System.Text.UTF8Encoding(false), cancellationToken);

        staged.Add(await StagedTable.OfFileAsync(Schemas.GapChart, chartPath, "svg", Schemas.GapFolder, cancellationToken));
        return staged;
    }

    private static string Publisher(string source) => source.Split(", ", 2)[0];

    private static async Task<StagedTable> WriteGapRowsAsync(string staging, TableSchema schema, string origin, IReadOnlyList<GapRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = TableWriter.Create(staging, schema, origin, Schemas.GapFolder);
        foreach (var row in rows)
        {
            writer.Csv.WriteField(row.ScenarioId);
            if (row.Region is not null)
            {
                writer.Csv.WriteField(row.Region);
            }

            writer.Csv.WriteField(row.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Csv.WriteField(row.AiDemandGw is { } ai ? GapModel.Format(ai) : "");
            writer.Csv.WriteField(row.AiDemandBasis);
            writer.Csv.WriteField(row.OtherLoadGrowthGw is { } growth ? GapModel.Format(growth) : "");
            writer.Csv.WriteField(row.OtherLoadGrowthBasis);
            writer.Csv.WriteField(GapModel.Format(row.ReserveMargin));
            writer.Csv.WriteField(GapModel.Format(row.FirmAdditionsGw));
            writer.Csv.WriteField(row.GapGw is { } gap ? GapModel.Format(gap) : "");
            writer.Csv.WriteField(row.FirmAdditionsBasis);
            writer.EndRow();
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    private static async Task<StagedTable> WriteAdditionsAsync(string staging, string origin, IReadOnlyList<AdditionsRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = TableWriter.Create(staging, Schemas.AdditionsByYearTechnology, origin, Schemas.GapFolder);
        foreach (var row in rows)
        {
            writer.Csv.WriteField(row.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Csv.WriteField(row.AccreditationClass);
            writer.Csv.WriteField(GapModel.Format(row.PlannedNameplateMw));
            writer.Csv.WriteField(GapModel.Format(row.AccreditedMw));
            writer.Csv.WriteField(GapModel.Format(row.WeightedAccreditedMw));
            writer.Csv.WriteField(GapModel.Format(row.RetiringNameplateMw));
            writer.Csv.WriteField(row.Basis);
            writer.Csv.WriteField(GapModel.Format(row.BuiltNameplateMw));
            writer.Csv.WriteField(GapModel.Format(row.RetiredNameplateMw));
            writer.Csv.WriteField(GapModel.Format(row.FirmChangeMw));
            writer.EndRow();
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    private static async Task<StagedTable> WriteUsVsChinaAsync(string staging, string origin, IReadOnlyList<CountryComparisonRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = TableWriter.Create(staging, Schemas.UsVsChinaAdditions, origin, Schemas.GapFolder);
        foreach (var row in rows)
        {
            writer.Csv.WriteField(row.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Csv.WriteField(row.UsaAdditionsGw is { } usa ? GapModel.Format(usa) : "");
            writer.Csv.WriteField(row.ChnAdditionsGw is { } chn ? GapModel.Format(chn) : "");
            writer.EndRow();
        }

        return await writer.CompleteAsync(cancellationToken);
    }
}
