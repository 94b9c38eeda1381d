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
    public async Task GetDataset_FormatParquetOfAPart_StreamsThePartsParquetWithItsContentTypeAndFileName()
    {
        await using var host = FunctionsHost.Create();
        await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None);

        var result = Assert.IsType<FileStreamResult>(await host.Function<DatasetsFunction>().GetAsync(host.Get("?format=parquet&part=2025_h2"), "ba_hourly", CancellationToken.None));

        Assert.Equal("application/vnd.apache.parquet", result.ContentType);
        Assert.Equal("SAMPLE-NOT-REAL-ba_hourly_2025_h2.parquet", result.FileDownloadName);
        var path = Path.Combine(TestPaths.NewTempFolder(), "ba_hourly.parquet");
        await using (var file = File.Create(path))
        {
            await result.FileStream.CopyToAsync(file);
        }

        var back = await ParquetReadBack.ReadAsync(path);
        Assert.Equal(3360, back.Rows.Count);
        Assert.Equal(["balancing_authority_code", "period_end_utc", "series", "value_mw", "source", "imputed", "quality", "origin"], back.Columns);
        // the part is made from the bundled sample file: every row says so, as the file name does
        Assert.All(back.Rows, row => Assert.Equal("sample", row[7]));
        // The July-December file's hours, local days ending in UTC a few hours into January.
        Assert.All(back.Rows, row => Assert.InRange((DateTime)row[1]!, new DateTime(2025, 7, 1, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task GetDataset_FormatParquetOfATableInPartsWithoutPart_Answers400NamingTheParts()
    {
        await using var host = FunctionsHost.Create();
        await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None);

        var result = Assert.IsType<ObjectResult>(await host.Function<DatasetsFunction>().GetAsync(host.Get("?format=parquet"), "ba_hourly", CancellationToken.None));

        Assert.Equal(400, result.StatusCode);
        var problem = Assert.IsType<ValidationProblemDetails>(result.Value);
        Assert.Contains("its parts are 2025_h1, 2025_h2, api", Assert.Single(problem.Errors["part"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListDatasets_AfterAnIngest_ListsEachTableAsCsvAndAsParquet()
    {
        await using var host = FunctionsHost.Create();
        await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None);

        var ok = Assert.IsType<OkObjectResult>(await host.Function<DatasetsFunction>().ListAsync(host.Get(), CancellationToken.None));
        var datasets = JsonSerializer.SerializeToElement(ok.Value).GetProperty("datasets").EnumerateArray().ToList();

        var parquet = Assert.Single(datasets, d => d.GetProperty("name").GetString() == "ba_hourly" && d.GetProperty("format").GetString() == "parquet");
        Assert.Equal(5264, parquet.GetProperty("rows").GetInt64());
        // In parts, its Parquet is fetched part by part.
        Assert.Equal(JsonValueKind.Null, parquet.GetProperty("url").ValueKind);
        Assert.Equal(["2025_h1", "2025_h2", "api"], parquet.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("part").GetString()));
        Assert.StartsWith("/api/datasets/ba_hourly?format=parquet&run=", parquet.GetProperty("parts")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        var generators = Assert.Single(datasets, d => d.GetProperty("name").GetString() == "generators" && d.GetProperty("format").GetString() == "parquet");
        Assert.StartsWith("/api/datasets/generators?format=parquet&run=", generators.GetProperty("url").GetString(), StringComparison.Ordinal);
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
