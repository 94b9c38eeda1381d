using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Tests.Tables;

/// <summary>A schema with one column of every Frictionless type the tables use, and CSV files of it.</summary>
internal static class TestTables
{
    public static TableSchema EveryType { get; } = new(
        "every_type",
        "Every type",
        "One column of each type.",
        [
            new("name", "string", "A string."),
            new("value_mw", "number", "A number.", "MW"),
            new("count", "integer", "An integer."),
            new("flag", "boolean", "A boolean."),
            new("year", "year", "A year."),
            new("day", "date", "A date."),
            new("month", "yearmonth", "A month."),
            new("period_end_utc", "datetime", "A time, UTC."),
        ],
        ["name"]);

    /// <summary>Writes <paramref name="lines"/> (header first) as the staged CSV of <paramref name="schema"/>.</summary>
    public static async Task<StagedTable> StageCsvAsync(string folder, TableSchema schema, IEnumerable<string> lines, string? part = null)
    {
        var path = part is null ? Path.Combine(folder, schema.Name + ".csv") : Path.Combine(folder, schema.Name, part + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n");
        var (sha256, bytes) = await Hashing.Sha256OfFileAsync(path, CancellationToken.None);
        return new StagedTable(schema, path, "csv", lines.Count() - 1, bytes, sha256, StagedTable.DataFolder, part);
    }

    public static string Header(TableSchema schema) => string.Join(',', schema.ColumnNames);
}
