using System.Globalization;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>A date as a queue file gives it, with its precision.</summary>
public readonly record struct QueueDate(DateOnly Date, DatePrecision Precision)
{
    private static readonly string[] DayFormats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd HH:mm",
        "M/d/yyyy", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt", "M-d-yyyy",
        "d-MMM-yyyy", "d MMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "yyyy/M/d",
    ];

    private static readonly string[] MonthFormats = ["M-yyyy", "M/yyyy", "yyyy-M", "yyyy/M", "MMM yyyy", "MMM-yyyy", "MMMM yyyy", "MMMM-yyyy", "MMM. yyyy"];

    // Whole numbers in this range are years; larger ones are Excel serial dates (1 = 1900-01-01;
    // 2201 is 1906-01-09, long before any interconnection queue).
    private const double FirstYear = 1900;
    private const double LastYear = 2200;

    public string Iso => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string PrecisionName => Precision switch
    {
        DatePrecision.Day => "day",
        DatePrecision.Month => "month",
        _ => "year",
    };

    /// <summary>
    /// Reads a cell: a date cell, an Excel serial number, a year, or text in one of the forms real
    /// queues use (2027-11-15, 11/15/2027, 04-2026, 11/2027, 2027, 2027-11-15 00:00:00).
    /// </summary>
    /// <returns>False when the cell holds something that is not a date; <paramref name="date"/> is null for a blank cell.</returns>
    public static bool TryRead(object? cell, string text, out QueueDate? date)
    {
        date = null;
        switch (cell)
        {
            case DateTime t:
                date = new QueueDate(DateOnly.FromDateTime(t), DatePrecision.Day);
                return true;
            case DateTimeOffset o:
                date = new QueueDate(DateOnly.FromDateTime(o.DateTime), DatePrecision.Day);
                return true;
            case double d:
                return TryNumber(d, out date);
        }

        var value = QueueText.Value(text);
        if (value.Length == 0)
        {
            return true;
        }

        // The calendar date as written, whatever offset follows it.
        if (DateTimeOffset.TryParseExact(value, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var day))
        {
            date = new QueueDate(DateOnly.FromDateTime(day.DateTime), DatePrecision.Day);
            return true;
        }

        if (DateTime.TryParseExact(value, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var month))
        {
            date = new QueueDate(new DateOnly(month.Year, month.Month, 1), DatePrecision.Month);
            return true;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && TryNumber(number, out date);
    }

    private static bool TryNumber(double number, out QueueDate? date)
    {
        date = null;
        if (!double.IsFinite(number) || number < 1)
        {
            return false;
        }

        if (number == Math.Floor(number) && number is >= FirstYear and <= LastYear)
        {
            date = new QueueDate(new DateOnly((int)number, 1, 1), DatePrecision.Year);
            return true;
        }

        // DateTime.FromOADate counts as Excel does for dates after 1900-03-01; the time of day is dropped.
        if (number >= 2958466)
        {
            return false;
        }

        date = new QueueDate(DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(number))), DatePrecision.Day);
        return true;
    }
}
