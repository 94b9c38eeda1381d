using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Hosting;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Globalization;
using System.Text;

namespace AiEnergyPipeline.Bench;

/// <summary>
/// Memory against the length of an EIA API page: for each <c>--rows</c>, a generated API v2 page
/// of that many rows (far more than the API's 5,000, to show what a page of any length costs),
/// echoing the key as the real API does, served by a local Kestrel server; a child process
/// composes the pipeline as the app does, fetches the page through the product's API source (the
/// key masked as the bytes pass, archived) and reads every row of the archived page as the
/// normaliser does. Prints each size's time and peak, and checks that the key reached no file.
/// </summary>
internal static class ApiPageBench
{
    public const string Phase = "apipage";

    private const string Key = "BENCH-EIA-KEY-0123456789abcdef";
    private const string Route = "v2/electricity/rto/region-data/data/";

    public static async Task<int> RunAsync(string[] args)
    {
        long[] sizes = [5_000, 1_000_000];
        var directory = Path.Combine(Path.GetTempPath(), "aienergy-apipage-" + Environment.ProcessId);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--rows":
                    sizes = [.. args[i + 1].Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture))];
                    break;
                case "--dir":
                    directory = args[i + 1];
                    break;
                default:
                    Console.Error.WriteLine("usage: apipage [--rows N,..] [--dir DIRECTORY]");
                    return 2;
            }
        }

        Directory.CreateDirectory(directory);
        try
        {
            foreach (var rows in sizes)
            {
                var page = Path.Combine(directory, $"page_{rows}.json");
                Generate(page, rows);
                var megabytes = new FileInfo(page).Length / 1e6;
                await using var server = await ServeAsync(page, rows);
                var output = Path.Combine(directory, Phase);
                var values = await ChildPhase.RunAsync(["phase", Phase, server.Urls.First() + "/" + Route, output], asTheCliRuns: true);
                Directory.Delete(output, recursive: true);
                File.Delete(page);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"eia930_api_page rows={rows} page_mb={megabytes:F1} seconds={values["seconds"]:F2} cpu_seconds={values["cpu_seconds"]:F2} peak_mb={values["peak_mb"]:F0}"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The child's work: the API source's fetch, then every row of the archived page read.</summary>
    public static async Task RunPhaseAsync(Uri url, string outputDirectory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{PipelineOptions.Section}:{nameof(PipelineOptions.Mode)}"] = nameof(SourceMode.Live),
            [$"{PublishedStorageOptions.Section}:{nameof(PublishedStorageOptions.Path)}"] = Path.Combine(outputDirectory, "store"),
            ["EIA_API_KEY"] = Key,
            [$"{Eia930ApiOptions.Section}:{nameof(Eia930ApiOptions.Url)}"] = url.AbsoluteUri,
            [$"{Eia930ApiOptions.Section}:{nameof(Eia930ApiOptions.Start)}"] = "2024-01-01T00",
            [$"{Eia930ApiOptions.Section}:{nameof(Eia930ApiOptions.End)}"] = "2025-01-01T00",
            [$"{Eia930ApiOptions.Section}:{nameof(Eia930ApiOptions.MaxPageBytes)}"] = (1L << 30).ToString(CultureInfo.InvariantCulture),
        }).Build();
        await using var provider = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddAiEnergyPipeline(configuration).BuildServiceProvider();
        var archive = new RawArchive(provider.GetRequiredService<IDatasetStore>(), Path.Combine(outputDirectory, "work"));
        var fetch = await provider.GetRequiredService<Eia930ApiSource>().FetchEachAsync(archive, CancellationToken.None);
        long rows = 0;
        foreach (var file in fetch.Files)
        {
            await using var stream = File.OpenRead(file.LocalPath);
            rows += Eia930ApiPage.ReadIndexed(stream, file, q => throw new InvalidOperationException(q.Reason)).LongCount();
        }

        var leaks = Directory.EnumerateFiles(outputDirectory, "*", SearchOption.AllDirectories).Count(HoldsKey);
        Console.Error.WriteLine($"{Phase}: {fetch.Files.Count} page(s), {rows:N0} rows read; files holding the key: {leaks}");
        if (leaks > 0)
        {
            throw new InvalidOperationException("the API key reached a stored file");
        }
    }

    /// <summary>Whether a file holds the key, read in chunks (a page is one line: read as text, it would be held whole).</summary>
    private static bool HoldsKey(string path)
    {
        var key = Encoding.UTF8.GetBytes(Key);
        using var file = File.OpenRead(path);
        var buffer = new byte[(1 << 20) + key.Length];
        var kept = 0;
        int read;
        while ((read = file.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            var filled = kept + read;
            if (buffer.AsSpan(0, filled).IndexOf(key) >= 0)
            {
                return true;
            }

            kept = Math.Min(key.Length - 1, filled);
            buffer.AsSpan(filled - kept, kept).CopyTo(buffer);
        }

        return false;
    }

    /// <summary>A page of <paramref name="rows"/> rows in API v2's shape, the request (key included) echoed after the data, as the API orders it.</summary>
    private static void Generate(string path, long rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.Write($"{{\"response\":{{\"total\":\"{rows}\",\"dateFormat\":\"YYYY-MM-DD\\\"T\\\"HH24\",\"frequency\":\"hourly\",\"data\":[");
        string[] types = ["D", "DF", "NG", "TI"];
        for (long i = 0; i < rows; i++)
        {
            var period = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i / 4 / 50);
            writer.Write(i == 0 ? "" : ",");
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{{\"period\":\"{period:yyyy-MM-dd'T'HH}\",\"respondent\":\"B{i / 4 % 50:D2}\",\"respondent-name\":\"Bench authority\",\"type\":\"{types[i % 4]}\",\"type-name\":\"Demand\",\"value\":\"{90000 + i % 1000}\",\"value-units\":\"megawatthours\"}}"));
        }

        writer.Write($"],\"description\":\"SAMPLE DATA, NOT REAL: a generated page\"}},\"request\":{{\"command\":\"/v2/{Route}\",\"params\":{{\"api_key\":\"{Key}\",\"offset\":\"0\"}}}},\"apiVersion\":\"2.1.8\"}}");
    }

    /// <summary>The page at offset 0; past the page's rows, an empty page (the fetch stops there or at the total).</summary>
    private static async Task<WebApplication> ServeAsync(string page, long rows)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/" + Route, (HttpContext context) =>
            context.Request.Query["offset"] == "0"
                ? Results.File(page, "application/json")
                : Results.Text($"{{\"response\":{{\"total\":\"{rows}\",\"data\":[]}}}}", "application/json"));
        await app.StartAsync();
        return app;
    }
}
