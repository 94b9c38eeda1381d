using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// Reads an EIA-930 six-month BALANCE CSV file as a stream of ba_hourly rows. Numbers carry
/// thousands separators inside quotes, dates are m/d/yyyy, the UTC end-of-hour time is the key.
/// Columns are found by name, so that reordered and unknown columns (new fuels from 2024 H2)
/// do not matter; a missing required column fails the file with its name.
/// </summary>
public static class Eia930BalanceCsv
{
    public const string SourceLabel = "bulk";
    public const string BalancingAuthority = "Balancing Authority";
    public const string UtcTimeAtEndOfHour = "UTC Time at End of Hour";

    private static readonly string[] UtcTimeFormats =
    [
        "M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd HH:mm",
    ];

    /// <summary>The series and the columns that hold them: the adjusted value when there is one, else the reported one.</summary>
    private static readonly (BaSeries Series, string Reported, string? Adjusted, string? Imputed)[] SeriesColumns =
    [
        (BaSeries.Demand, "Demand (MW)", "Demand (MW) (Adjusted)", "Demand (MW) (Imputed)"),
        (BaSeries.Forecast, "Demand Forecast (MW)", null, null),
        (BaSeries.NetGeneration, "Net Generation (MW)", "Net Generation (MW) (Adjusted)", "Net Generation (MW) (Imputed)"),
        (BaSeries.Interchange, "Total Interchange (MW)", "Total Interchange (MW) (Adjusted)", "Total Interchange (MW) (Imputed)"),
    ];

    public static IReadOnlyList<string> RequiredColumns { get; } =
        [BalancingAuthority, UtcTimeAtEndOfHour, .. SeriesColumns.Select(c => c.Reported)];

    /// <summary>Every readable row of the file; rows that cannot be read go to <paramref name="quarantine"/>.</summary>
    /// <exception cref="SourceException">The file is not a BALANCE CSV (HTML, empty, required columns missing).</exception>
    public static IEnumerable<BaHourlyRecord> Read(Stream content, FetchedFile file, Action<QuarantineRecord> quarantine)
    {
        using var rows = Eia930BalanceRowReader.Open(content, file, quarantine);
        while (rows.Next())
        {
            for (var s = 0; s < Eia930BalanceRowReader.SeriesCount; s++)
            {
                if (rows.HasValue(s))
                {
                    yield return rows.Record(s);
                }
            }
        }
    }

    internal static readonly string[] UtcFormats = UtcTimeFormats;

    internal static BaSeries SeriesAt(int index) => SeriesColumns[index].Series;

    internal sealed record SeriesColumn(BaSeries Series, string Name, int Reported, int Adjusted, int Imputed);

    internal sealed record Columns(int Ba, int Utc, IReadOnlyList<SeriesColumn> Series)
    {
        private static readonly ColumnSpec[] Specs =
        [
            .. RequiredColumns.Select(c => new ColumnSpec(c, Required: true)),
            .. SeriesColumns.SelectMany(c => new[] { c.Adjusted, c.Imputed }).OfType<string>().Select(c => new ColumnSpec(c, Required: false)),
        ];

        public static Columns Find(IReadOnlyList<string> headers, FetchedFile file)
        {
            if (headers.Count == 0)
            {
                throw new SourceException(file.Source, file.FileName, "the file has no header row.");
            }

            var map = ColumnMap.TryCreate(headers, Specs, out var missing)
                ?? throw new SourceException(file.Source, file.FileName, ColumnMap.MissingMessage(missing));
            return new Columns(
                map[BalancingAuthority],
                map[UtcTimeAtEndOfHour],
                SeriesColumns.Select(c => new SeriesColumn(c.Series, c.Reported, map[c.Reported], c.Adjusted is null ? -1 : map[c.Adjusted], c.Imputed is null ? -1 : map[c.Imputed])).ToList());
        }
    }
}
