using System.Text.Json;
using AiEnergyPipeline.Functions;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.TestKit;
using Microsoft.AspNetCore.Mvc;

namespace AiEnergyPipeline.IntegrationTests.Functions;

/// <summary>GET /api/datasets and /api/datasets/{name}?format=parquet, with a real Azurite behind them.</summary>
public class DatasetsParquetTests
{
    [Fact]
    public async Task GetDataset_FormatParquet_StreamsTheParquetWithItsContentTypeAndFileName()
    {
        await using var host = FunctionsHost.Create();
        await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None);

        var result = Assert.IsType<FileStreamResult>(await host.Function<DatasetsFunction>().GetAsync(host.Get("?format=parquet"), "ba_hourly", CancellationToken.None));

        Assert.Equal("application/vnd.apache.parquet", result.ContentType);
        Assert.Equal("ba_hourly.parquet", result.FileDownloadName);
        var path = Path.Combine(TestPaths.NewTempFolder(), "ba_hourly.parquet");
        await using (var file = File.Create(path))
        {
            await result.FileStream.CopyToAsync(file);
        }

        var back = await ParquetReadBack.ReadAsync(path);
        Assert.Equal(3824, back.Rows.Count);
        Assert.Equal(["balancing_authority_code", "period_end_utc", "series", "value_mw", "source", "imputed"], back.Columns);
        Assert.Equal(new DateTime(2025, 12, 25, 9, 0, 0, DateTimeKind.Utc), back.Rows[0][1]);
    }

    [Fact]
    public async Task ListDatasets_AfterAnIngest_ListsEachTableAsCsvAndAsParquet()
    {
        await using var host = FunctionsHost.Create();
        await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None);

        var ok = Assert.IsType<OkObjectResult>(await host.Function<DatasetsFunction>().ListAsync(host.Get(), CancellationToken.None));
        var datasets = JsonSerializer.SerializeToElement(ok.Value).GetProperty("datasets").EnumerateArray().ToList();

        var parquet = Assert.Single(datasets, d => d.GetProperty("name").GetString() == "ba_hourly" && d.GetProperty("format").GetString() == "parquet");
        Assert.Equal(3824, parquet.GetProperty("rows").GetInt64());
        Assert.StartsWith("/api/datasets/ba_hourly?format=parquet&run=", parquet.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            datasets.Where(d => d.GetProperty("format").GetString() == "csv").Select(d => d.GetProperty("name").GetString()),
            datasets.Where(d => d.GetProperty("format").GetString() == "parquet").Select(d => d.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task GetDataset_ParquetOfAJsonOutput_Answers404SayingSo()
    {
        await using var host = FunctionsHost.Create();
        await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None);

        var result = Assert.IsType<ObjectResult>(await host.Function<DatasetsFunction>().GetAsync(host.Get("?format=parquet"), "headline", CancellationToken.None));

        Assert.Equal(404, result.StatusCode);
        Assert.Contains("no dataset 'headline' as parquet", Assert.IsType<ProblemDetails>(result.Value).Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?format=PARQUET")]
    [InlineData("?format=xlsx")]
    [InlineData("?format=csv,parquet")]
    public async Task GetDataset_UnknownFormat_Answers400ListingParquet(string query)
    {
        await using var host = FunctionsHost.Create();

        var result = Assert.IsType<ObjectResult>(await host.Function<DatasetsFunction>().GetAsync(host.Get(query), "ba_hourly", CancellationToken.None));

        Assert.Equal(400, result.StatusCode);
        var problem = Assert.IsType<ValidationProblemDetails>(result.Value);
        Assert.Equal(["format must be one of: csv, parquet, json, svg."], problem.Errors["format"]);
    }
}
