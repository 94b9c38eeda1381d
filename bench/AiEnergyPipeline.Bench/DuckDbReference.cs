namespace AiEnergyPipeline.Bench;

/// <summary>
/// The DuckDB programs the product is measured against: SQL files beside this program, which
/// tests/AiEnergyPipeline.Tests/Bench/DuckDbReferenceTests.cs also runs.
/// </summary>
internal static class DuckDbReference
{
    /// <summary>ba_hourly as the product publishes it: the same eight columns and rows, the demand screen's quality included.</summary>
    public const string SameTable = "BaHourlyInDuckDb.sql";

    /// <summary>ba_hourly as it was when the e2e target was set (six columns, no quality or origin): figures measured before 2026-12-01 are against it.</summary>
    public const string SixColumns = "BaHourlySixColumnsInDuckDb.sql";

    /// <summary>The statements of <paramref name="file"/> for the BALANCE file at <paramref name="csvPath"/>, rows labelled fetched as the e2e step's are.</summary>
    public static string Sql(string file, string csvPath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, file))
            .Replace("{csv}", csvPath.Replace("'", "''", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("{origin}", "fetched", StringComparison.Ordinal);
}
