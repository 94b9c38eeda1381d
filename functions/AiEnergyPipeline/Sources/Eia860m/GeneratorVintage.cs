using System.Globalization;

namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>One EIA-860M monthly workbook's generators (Puerto Rico left out), with its month ("yyyy-MM").</summary>
public sealed record GeneratorVintage(string Month, IReadOnlyList<GeneratorRecord> Records)
{
    public DateOnly Start => MonthOf(Month) ?? throw new FormatException($"'{Month}' is not a month such as 2024-01.");

    /// <summary>"yyyy-MM" as the first day of the month, or null when empty or not a month.</summary>
    public static DateOnly? MonthOf(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;
}
