using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Vocabulary;
using System.Globalization;

namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>
/// Which EIA-860M monthly workbooks (vintages) a run reads, and their partition names. January
/// vintages measure what planned capacity became of a year later; the newest months give the
/// recent month-to-month changes; the newest of all is the generators table.
/// </summary>
public static class Eia860mVintages
{
    /// <summary>The partition name of a vintage: its month, "yyyy-MM", safe as a path segment.</summary>
    public static string PartitionOf(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The month of a partition name, or null when the name is not one.</summary>
    public static DateOnly? MonthOf(string partition) =>
        DateOnly.TryParseExact(partition, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    /// <summary>The vintages named by <see cref="Eia860mOptions.Vintages"/>, in month order, or null when the setting is empty.</summary>
    /// <exception cref="SourceException">An entry is not a month.</exception>
    public static IReadOnlyList<DateOnly>? Configured(Eia860mOptions settings)
    {
        var named = settings.Vintages.Where(v => Settings.ValueOrNull(v) is not null).ToList();
        if (named.Count == 0)
        {
            return null;
        }

        return named.Select(v => MonthOf(v.Trim())
                ?? throw new SourceException(Eia860mSource.SourceName, null, $"the setting {Eia860mOptions.Section}:{nameof(Eia860mOptions.Vintages)} names '{v}', which is not a month such as 2024-01."))
            .Distinct()
            .Order()
            .ToList();
    }

    /// <summary>The default set: every January from <see cref="Eia860mOptions.VintagesFromYear"/> to the newest month's year, and the newest <see cref="Eia860mOptions.RecentVintages"/> months.</summary>
    public static IReadOnlyList<DateOnly> Default(Eia860mOptions settings, DateOnly newest)
    {
        var months = new SortedSet<DateOnly>();
        for (var year = settings.VintagesFromYear; year <= newest.Year; year++)
        {
            months.Add(new DateOnly(year, 1, 1));
        }

        for (var i = 0; i < Math.Max(1, settings.RecentVintages); i++)
        {
            months.Add(newest.AddMonths(-i));
        }

        return months.ToList();
    }
}
