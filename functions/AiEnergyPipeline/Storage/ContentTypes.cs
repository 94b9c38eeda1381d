namespace AiEnergyPipeline.Storage;

/// <summary>
/// The Content-Type every stored object is written with: a public container (infra's publicDownload)
/// serves objects with the type they were written with, so the run's page must be text/html and its
/// chart image/svg+xml for a browser to show them rather than download them.
/// </summary>
public static class ContentTypes
{
    public const string Csv = "text/csv; charset=utf-8";
    public const string Html = "text/html; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";
    public const string Parquet = "application/vnd.apache.parquet";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SvgImage = "image/svg+xml";
    public const string PngImage = "image/png";
    public const string OctetStream = "application/octet-stream";

    public static string ForExtension(string extension) => extension.TrimStart('.').ToLowerInvariant() switch
    {
        "csv" => Csv,
        "json" => Json,
        "html" => Html,
        "parquet" => Parquet,
        "xlsx" => Xlsx,
        "svg" => SvgImage,
        "png" => PngImage,
        _ => OctetStream,
    };
}
