using System.Runtime.CompilerServices;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// Screens one balancing authority's hourly demand for values that cannot be real, after Ruggles
/// et al., "Developing reliable hourly electricity demand data through screening and imputation",
/// Scientific Data 7, 155 (2020). Their screens, simplified so that each hour is judged from the
/// hours before it and the single hour after it (a streaming writer holds back one row per
/// balancing authority, never a file):
/// <list type="bullet">
/// <item>negative: zero or below (their NEG_OR_ZERO);</item>
/// <item>stuck: equal to the two hours before it, so the third and later hours of a run of
/// identical values (their IDENTICAL_RUN, which keeps the first two hours of a run: their labels
/// for SCL and TEPC flag exactly these hours);</item>
/// <item>spike: beyond both neighbouring hours by more than <see cref="NeighbourSpikeRatio"/> of
/// their mean (their DELTA screens look for the same double-sided jump), or more than
/// <see cref="MedianSpikeFactor"/> times above or below the median of the last
/// <see cref="MedianWindowHours"/> hours (their LOCAL_DEM_UP/DOWN compare with a rolling median).</item>
/// </list>
/// Feed hours in time order; an hour whose neighbour is missing or not adjacent is judged by the
/// other screens only. Thresholds were chosen on their 2020-2024 labels for SCL and TEPC and
/// checked on ERCO, PJM, CISO, MISO and NYIS, and on CISO's series as first published in 2015-2019
/// (tests/.../DemandScreenRealDataTests.cs).
/// </summary>
public sealed class DemandScreen
{
    /// <summary>
    /// A spike stands out from both neighbours by more than 15% of their mean. Ordinary hours,
    /// even a day's peak, rarely exceed both neighbours by more than a few percent; at 15% no OKAY
    /// hour of SCL and under 0.1% of TEPC's are flagged, while most DELTA hours are.
    /// </summary>
    public const double NeighbourSpikeRatio = 0.15;

    /// <summary>
    /// A spike is more than 3 times, or under a third of, the recent median. Demand within a day
    /// varies by well under a factor of 3 for any balancing authority; Ruggles et al.'s
    /// LOCAL_DEM hours of SCL and TEPC (for example 51 MW amid 1,050 MW, 9,497 MW amid 1,040 MW)
    /// are far beyond it.
    /// </summary>
    public const double MedianSpikeFactor = 3;

    /// <summary>The median is of the last day of hours with a value above zero, flagged or not, so that a lasting change of level stops being flagged within half a day.</summary>
    public const int MedianWindowHours = 24;

    /// <summary>The median test waits for half a window of values: too few hours say little of the level.</summary>
    public const int MedianMinHours = MedianWindowHours / 2;

    private static readonly long HourTicks = TimeSpan.TicksPerHour;

    private readonly double[] _window = new double[MedianWindowHours];
    private readonly double[] _scratch = new double[MedianWindowHours];
    private int _windowCount;
    private int _windowNext;
    private long _lastTicks = long.MinValue;
    private double _last;
    private long _beforeLastTicks = long.MinValue;
    private double _beforeLast;

    /// <summary>
    /// Judges the hour ending <paramref name="period"/>, given the next hour of the same balancing
    /// authority (<paramref name="nextPeriod"/> <see cref="DateTime.MinValue"/> when there is none),
    /// then remembers it for the hours after.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DemandQuality Screen(DateTime period, double value, DateTime nextPeriod, double nextValue)
    {
        var ticks = period.Ticks;
        var hasPrevious = _lastTicks == ticks - HourTicks;
        DemandQuality quality;
        if (value <= 0)
        {
            quality = DemandQuality.Negative;
        }
        else if (hasPrevious && _beforeLastTicks == ticks - (2 * HourTicks) && value == _last && value == _beforeLast)
        {
            quality = DemandQuality.Stuck;
        }
        else if ((hasPrevious && nextPeriod.Ticks == ticks + HourTicks && IsNeighbourSpike(value, _last, nextValue)) || IsMedianSpike(value))
        {
            quality = DemandQuality.Spike;
        }
        else
        {
            quality = DemandQuality.Ok;
        }

        Remember(ticks, value);
        return quality;
    }

    /// <summary>The quality of every hour of one balancing authority's demand, in the order given (which must be time order).</summary>
    public static DemandQuality[] ScreenAll(IReadOnlyList<(DateTime Period, double Value)> hours)
    {
        var screen = new DemandScreen();
        var qualities = new DemandQuality[hours.Count];
        for (var i = 0; i < hours.Count; i++)
        {
            var (nextPeriod, nextValue) = i + 1 < hours.Count ? hours[i + 1] : (DateTime.MinValue, 0);
            qualities[i] = screen.Screen(hours[i].Period, hours[i].Value, nextPeriod, nextValue);
        }

        return qualities;
    }

    private static bool IsNeighbourSpike(double value, double previous, double next)
    {
        if (previous <= 0 || next <= 0)
        {
            // a neighbour that is itself impossible says nothing of this hour
            return false;
        }

        var margin = NeighbourSpikeRatio * (previous + next) / 2;
        return value - Math.Max(previous, next) > margin || Math.Min(previous, next) - value > margin;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsMedianSpike(double value)
    {
        var count = _windowCount;
        if (count < MedianMinHours)
        {
            return false;
        }

        // The median lies between the window's least and greatest values: most hours are within
        // a factor of 3 of both, and need no sort.
        var window = _window.AsSpan(0, count);
        var min = double.MaxValue;
        var max = double.MinValue;
        foreach (var v in window)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        if (value <= MedianSpikeFactor * min && value * MedianSpikeFactor >= max)
        {
            return false;
        }

        var sorted = _scratch.AsSpan(0, count);
        window.CopyTo(sorted);
        sorted.Sort();
        var median = count % 2 == 1 ? sorted[count / 2] : (sorted[(count / 2) - 1] + sorted[count / 2]) / 2;
        return value > MedianSpikeFactor * median || value * MedianSpikeFactor < median;
    }

    private void Remember(long ticks, double value)
    {
        _beforeLastTicks = _lastTicks;
        _beforeLast = _last;
        _lastTicks = ticks;
        _last = value;
        if (value > 0)
        {
            _window[_windowNext] = value;
            _windowNext = (_windowNext + 1) % MedianWindowHours;
            _windowCount = Math.Min(_windowCount + 1, MedianWindowHours);
        }
    }
}
