namespace AiEnergyPipeline.Storage;

public static class ContentTypes
{
    public const string Csv = "text/csv; charset=utf-8";
    public const string Html = "text/html; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";
    public const string Parquet = "application/vnd.apache.parquet";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string ForExtension(string extension) => extension.TrimStart('.').ToLowerInvariant() switch
    {
        "csv" => Csv,
        "json" => Json,
        "html" => Html,
        "parquet" => Parquet,
        "xlsx" => Xlsx,
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
