using System.Globalization;
using NCrontab;

namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>
/// Names the timer occurrence a firing belongs to, so that a timer that fires twice for one
/// occurrence (at-least-once, or past due and again) starts one run: the latest time of the
/// schedule (INGEST_SCHEDULE, six-field NCRONTAB, UTC) at or before now.
/// </summary>
public sealed class IngestSchedule(string? schedule)
{
    public const string Setting = "INGEST_SCHEDULE";

    private static readonly TimeSpan[] Windows = [TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(32), TimeSpan.FromDays(367)];

    private readonly CrontabSchedule? _schedule = schedule is { Length: > 0 }
        ? CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
        : null;

    /// <summary>Such as "timer-20261127T060000Z"; without a readable schedule, the minute of <paramref name="now"/>.</summary>
    public string OccurrenceKey(DateTimeOffset now)
    {
        var at = now.UtcDateTime;
        var occurrence = LatestAtOrBefore(at) ?? new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, DateTimeKind.Utc);
        return "timer-" + occurrence.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
    }

    private DateTime? LatestAtOrBefore(DateTime at)
    {
        if (_schedule is null)
        {
            return null;
        }

        foreach (var window in Windows)
        {
            // GetNextOccurrences excludes its start and end: widen the end by one second to include "at".
            var occurrences = _schedule.GetNextOccurrences(at - window, at.AddSeconds(1));
            DateTime? last = null;
            foreach (var occurrence in occurrences)
            {
                last = occurrence;
            }

            if (last is not null)
            {
                return DateTime.SpecifyKind(last.Value, DateTimeKind.Utc);
            }
        }

        return null;
    }
}
