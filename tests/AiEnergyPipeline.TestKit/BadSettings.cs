namespace AiEnergyPipeline.TestKit;

/// <summary>
/// One bad value of one setting, in the form operators set it: <paramref name="Key"/> in
/// environment-variable form, what the one-line error must contain (<paramref name="Expected"/>:
/// the allowed range, or the whole line), any other settings the case needs, and the command line
/// that meets it (null: <see cref="Run"/>; empty: none, the command line always sets it).
/// </summary>
public sealed record BadSetting(string Key, string Value, string Expected, IReadOnlyDictionary<string, string>? With = null, string[]? Cli = null)
{
    public static readonly string[] Run = ["run", "--store", "published"];

    public override string ToString() => $"{Key}={Value}";
}

/// <summary>A bad value for every setting the app reads: the table the settings tests, in process and through the command line, walk.</summary>
public static class BadSettings
{
    /// <summary>A file where a folder is expected.</summary>
    public static string AFile { get; } = Path.Combine(Repository.Root, "README.md");

    /// <summary>A folder whose snapshot.json is cut off: it exists, but is no snapshot index.</summary>
    public static string ADamagedSnapshot { get; } = DamagedSnapshot();

    public static IReadOnlyList<BadSetting> All { get; } =
    [
        // The two of the issue, with their whole line.
        new("Sources__Http__MaxRetries", "0", "Sources__Http__MaxRetries is 0: must be an integer from 1 to 20."),
        new("Sources__Http__TotalTimeout", "00:00:20", "Sources__Http__TotalTimeout is 00:00:20, shorter than Sources__Http__AttemptTimeout (00:02:00): must be a duration (hh:mm:ss) from Sources__Http__AttemptTimeout to 1.00:00:00."),
        // Unparsable values: the binder's failure, as the same one line.
        new("Sources__Http__MaxRetries", "abc", "Sources__Http__MaxRetries is 'abc': must be an integer from 1 to 20."),
        new("Sources__Http__AttemptTimeout", "soon", "Sources__Http__AttemptTimeout is 'soon': must be a duration (hh:mm:ss) from 00:00:00.5 to 01:00:00."),
        new("Sources__Http__AttemptTimeout", "00:00:00.100", "from 00:00:00.5 to 01:00:00"),
        new("Sources__Http__RetryDelay", "00:30:00", "from 00:00:00 to 00:10:00"),
        new("Sources__Http__BodyIdleTimeout", "00:00:00", "from 00:00:00.1 to 01:00:00"),
        new("Sources__Http__BodyRetries", "-1", "an integer from 0 to 10"),
        new("Sources__Http__BodyDeadline", "00:00:00.5", "from 00:00:01 to 1.00:00:00"),
        new("Sources__Http__MaxBodyBytes", "1024", "an integer from 1048576 to 68719476736"),
        new("Sources__Limits__MaxPartBytes", "0", "an integer from 1048576 to 2147483648"),
        new("Sources__Limits__MaxCompressionRatio", "1", "a number from 2 to 10000"),
        new("Sources__Limits__MaxCellChars", "10", "an integer from 256 to 10000000"),
        new("Sources__Limits__MaxSharedStringChars", "many", "an integer from 256 to 10000000"),
        new("Sources__Limits__MaxSheetRows", "-5", "an integer from 1000 to 10000000"),
        new("Sources__Limits__MaxSheetColumns", "100000", "an integer from 10 to 16384"),
        new("Sources__Limits__MaxCsvRecordBytes", "1", "an integer from 1024 to 268435456"),
        new("Sources__Limits__MaxQuarantinedRowsPerFile", "0", "an integer from 100 to 1000000"),
        new("Parquet__Compression", "Gzip", "Snappy or Zstd"),
        new("AzureWebJobsStorage", "no-connection-here", "a storage connection string"),
        new("FUNCTIONS_WORKER_RUNTIME", "dotnet", "dotnet-isolated"),
        new("INGEST_SCHEDULE", "0 6 * * *", "six-field NCRONTAB"),
        new("SWEEP_SCHEDULE", "daily", "six-field NCRONTAB"),
        new("Sweep__AtRunStart", "sometimes", "Sweep__AtRunStart is 'sometimes'"),
        new("Sweep__WorkFolderAge", "00:01:00", "from 00:10:00 to 3650.00:00:00"),
        new("Sweep__HalfRunAge", "00:00:00", "from 00:10:00 to 3650.00:00:00"),
        new("Sweep__TempFileAge", "00:05:00", "from 00:10:00 to 3650.00:00:00"),
        new("Sweep__PlanExpiry", "never", "from 00:10:00 to 3650.00:00:00"),
        new("Sweep__ReportAge", "00:09:59", "from 00:10:00 to 3650.00:00:00"),
        new("Sweep__KeepLatestRuns", "0", "an integer from 1 to 100000"),
        new("Sweep__KeepMonthlyRuns", "yes please", "Sweep__KeepMonthlyRuns is 'yes please'"),
        new("Health__MaxDataAge", "00:30:00", "from 01:00:00 to 30.00:00:00"),
        new("Health__MaxConsecutiveFailures", "-1", "an integer from 0 to 100"),
        new("Telemetry__Exporter", "Jaeger", "Telemetry__Exporter is 'Jaeger': must be Auto, None, Console, Otlp, or AzureMonitor with APPLICATIONINSIGHTS_CONNECTION_STRING set."),
        new("Telemetry__Exporter", "AzureMonitor", "AzureMonitor, but APPLICATIONINSIGHTS_CONNECTION_STRING is not set", new Dictionary<string, string> { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "" }),
        new("APPLICATIONINSIGHTS_CONNECTION_STRING", "https://example.invalid/", "an Application Insights connection string (InstrumentationKey=...;IngestionEndpoint=...)"),
        new("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Authorization=Key", "Authorization=AAD, optionally with ClientId="),
        new("OTEL_EXPORTER_OTLP_ENDPOINT", "localhost:4317", "an absolute http(s) URL such as http://localhost:4317"),
        new("INGEST_QUEUE_NAME", "Ingest_Partitions", "3 to 63 lowercase letters"),
        new("INGEST_QUEUE_NAME", new string('q', 57), "at most 56 so that {name}-poison is one too"),
        new("IngestQueue", "no-connection-here", "a storage connection string"),
        new("IngestQueue__QueueServiceUri", "account.queue.core.windows.net", "an absolute http(s) URL"),
        new("IngestQueue__Credential", "password", "managedidentity"),
        new("IngestQueue__ClientId", "me", "a client id (a GUID)"),
        new("IngestQueue__ServiceVersion", "V1999_01_01", "a service version from"),
        new("Ingest__FanOut", "Cloud", "InProcess, or Queue"),
        new("Ingest__FanOut", "Queue", "Queue, but neither IngestQueue nor IngestQueue__QueueServiceUri is set", new Dictionary<string, string> { ["IngestQueue"] = "" }),
        new("Ingest__MaxDequeueCount", "0", "an integer from 1 to 100"),
        new("AzureFunctionsJobHost__extensions__queues__maxDequeueCount", "7", "AzureFunctionsJobHost__extensions__queues__maxDequeueCount is '7', not Ingest__MaxDequeueCount's 5: must be blank or equal to Ingest__MaxDequeueCount"),
        new("AzureFunctionsJobHost__extensions__queues__maxDequeueCount", "5", "is '5', not Ingest__MaxDequeueCount's 3", new Dictionary<string, string> { ["Ingest__MaxDequeueCount"] = "3" }),
        new("EIA_API_KEY", "my key", "a key of letters, digits, - and _"),
        new("Pipeline__Mode", "Offline", "Snapshot or Live", Cli: ["datasets", "--store", "published"]),
        new("Pipeline__SnapshotPath", "/no/such/snapshot", "an existing folder that holds a snapshot"),
        new("Pipeline__SnapshotPath", ADamagedSnapshot, "an existing folder that holds a snapshot whose snapshot.json reads"),
        new("Pipeline__WorkDirectory", AFile, "a folder path (created when needed), not a file nor under one"),
        new("PublishedStorage__Path", AFile, "a folder path (not a file nor under one)", Cli: ["sources"]),
        new("PublishedStorage__Path", Path.Combine(AFile, "sub"), "a folder path (not a file nor under one)", Cli: ["sources"]),
        new("PublishedStorage__Path", "", "required unless PublishedStorage__ConnectionString or PublishedStorage__ServiceUri is set", new Dictionary<string, string> { ["PublishedStorage__ConnectionString"] = "" }, Cli: []),
        new("PublishedStorage__ConnectionString", "no-connection-here", "a storage connection string"),
        new("PublishedStorage__ServiceUri", "account.blob.core.windows.net", "an absolute http(s) URL"),
        new("PublishedStorage__Container", "Published_Data", "a container name: 3 to 63"),
        new("PublishedStorage__ServiceVersion", "latest", "a service version from"),
        new("PublishedStorage__MaxRetries", "99", "PublishedStorage__MaxRetries is 99: must be an integer from 0 to 10."),
        new("PublishedStorage__RetryDelay", "00:05:00", "from 00:00:00 to 00:01:00"),
        new("PublishedStorage__NetworkTimeout", "00:00:00", "from 00:00:01 to 00:30:00"),
        new("Sources__Eia930Api__Url", "api.eia.gov/v2/", "an absolute http(s) URL"),
        new("Sources__Eia930Api__ApiKey", "my key", "a key of letters, digits, - and _"),
        new("Sources__Eia930Api__Start", "2026-01-01", "an hour (UTC, hour ending, yyyy-MM-ddTHH)"),
        new("Sources__Eia930Api__Start", "2026-02-01T00", "after Sources__Eia930Api__End ('2026-01-01T00')", new Dictionary<string, string> { ["Sources__Eia930Api__End"] = "2026-01-01T00" }),
        new("Sources__Eia930Api__End", "yesterday", "an hour (UTC, hour ending, yyyy-MM-ddTHH)"),
        new("Sources__Eia930Api__Days", "0", "an integer from 1 to 3660"),
        new("Sources__Eia930Api__PageLength", "10000", "an integer from 1 to 5000"),
        new("Sources__Eia930Api__MaxPages", "0", "an integer from 1 to 100000"),
        new("Sources__Eia930Api__MaxPageBytes", "1024", "an integer from 65536 to 1073741824"),
        new("Sources__Eia930Api__MaxPageBytes", "1073741825", "an integer from 65536 to 1073741824"),
        new("Sources__Eia930Api__Types__0", "XX", "a series type: D, DF, NG or TI"),
        new("Sources__Eia930Api__Respondents__0", "P J M", "a balancing authority code"),
        new("Sources__Eia930Bulk__Url", "ftp://ftp.eia.gov/sixMonthFiles/", "an absolute http(s) URL"),
        new("Sources__Eia930Bulk__FromYear", "2014", "an integer from 2015 to"),
        new("Sources__Eia930Bulk__Files__0", "balance.csv", "a BALANCE file name"),
        new("Sources__Curated__Path", "/no/such/curated", "an existing folder of curated files"),
        new("Sources__Eia860m__Url", "eia860m/", "an absolute http(s) URL"),
        new("Sources__Eia860m__Month", "2026-13", "a month (yyyy-MM)"),
        new("Sources__Eia860m__MonthsBack", "25", "an integer from 0 to 24"),
        new("Sources__Eia860m__Vintages__0", "2014-01", "a month (yyyy-MM) from 2015-01 on"),
        new("Sources__Eia860m__VintagesFromYear", "2014", "an integer from 2015 to"),
        new("Sources__Eia860m__RecentVintages", "0", "an integer from 1 to 36"),
        new("Gap__CompletionWeights__Cohorts", "0", "an integer from 1 to 20"),
        new("Gap__CompletionWeights__MinimumCohortMw", "-1", "a number of MW from 0 to 1000000"),
        new("Sources__Ember__Url", "http://[x", "an absolute http(s) URL"),
        new("Sources__Queues__Files__0__Url", "not a url", "an absolute http(s) URL"),
        new("Sources__Queues__Files__0__Format", "pdf", "blank, lbnl, gridstatus, pjm, caiso, nyiso, ercot, spp, miso or isone"),
        new("Sources__Queues__Files__0__Region", "", "the ISO whose queue a gridstatus file holds", new Dictionary<string, string> { ["Sources__Queues__Files__0__Format"] = "gridstatus", ["Sources__Queues__Files__0__Url"] = "https://example.test/pjm.csv" }),
        new("Sources__Queues__Files__0__Sheet", "Data[1]", "a sheet name of at most 31 characters"),
        new("Sources__Queues__Files__0__Method", "PUT", "blank, GET or POST"),
        new("Sources__Queues__PjmSubscriptionKey", "my key", "a key of letters, digits, - and _"),
    ];

    /// <summary>The settings as configuration keys (<c>:</c> for <c>__</c>), for composing in process.</summary>
    public static Dictionary<string, string?> AsConfiguration(BadSetting bad)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { [ConfigurationPath(bad.Key)] = bad.Value };
        foreach (var (key, value) in bad.With ?? new Dictionary<string, string>())
        {
            settings[ConfigurationPath(key)] = value;
        }

        return settings;
    }

    private static string ConfigurationPath(string key) => key.Replace("__", ":", StringComparison.Ordinal);

    private static string DamagedSnapshot()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aienergy-damaged-snapshot-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "snapshot.json"), "{ \"origin\": \"recor");
        return folder;
    }
}
