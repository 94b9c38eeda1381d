using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Queues;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>
/// Section <c>Sources:Http</c>. The ranges keep Microsoft.Extensions.Http.Resilience's own rules
/// (at least one retry; attempt time-out at most the total; the circuit breaker's window, twice
/// the attempt time-out, from 0.5 s to one day), so that its exception never surfaces mid-run.
/// </summary>
public sealed class SourceHttpSettingsRules : SettingRules<SourceHttpOptions>
{
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);
    private static readonly string Attempt = SettingKey.Of(SourceHttpOptions.Section, nameof(SourceHttpOptions.AttemptTimeout));

    public SourceHttpSettingsRules()
        : base(SourceHttpOptions.Section)
    {
        Integer(nameof(SourceHttpOptions.MaxRetries), o => o.MaxRetries, 1, 20);
        Duration(nameof(SourceHttpOptions.RetryDelay), o => o.RetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        Duration(nameof(SourceHttpOptions.AttemptTimeout), o => o.AttemptTimeout, TimeSpan.FromMilliseconds(500), TimeSpan.FromHours(1));
        Rule(nameof(SourceHttpOptions.TotalTimeout), $"a duration (hh:mm:ss) from {Attempt} to {SettingKey.Show(OneDay)}", o =>
            o.TotalTimeout < o.AttemptTimeout ? $"{SettingKey.Show(o.TotalTimeout)}, shorter than {Attempt} ({SettingKey.Show(o.AttemptTimeout)})"
            : o.TotalTimeout > OneDay ? SettingKey.Show(o.TotalTimeout)
            : null);
        Duration(nameof(SourceHttpOptions.BodyIdleTimeout), o => o.BodyIdleTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
        Integer(nameof(SourceHttpOptions.BodyRetries), o => o.BodyRetries, 0, 10);
        Duration(nameof(SourceHttpOptions.BodyDeadline), o => o.BodyDeadline, TimeSpan.FromSeconds(1), OneDay);
        Integer(nameof(SourceHttpOptions.MaxBodyBytes), o => o.MaxBodyBytes, 1L << 20, 64L << 30);
    }
}
