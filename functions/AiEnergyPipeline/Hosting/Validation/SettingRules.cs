using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Hosting.Validation;

/// <summary>
/// The rules of one options type, as an options validator: each rule names its setting and what
/// it allows, so that every failure reads the same way
/// (<c>Sources__Http__MaxRetries is 0: must be an integer from 1 to 20.</c>) and a value the
/// configuration binder cannot even convert is reported with the same allowed range.
/// </summary>
public abstract class SettingRules<T> : IValidateOptions<T>, ISettingRules
    where T : class, new()
{
    private readonly List<(SettingRule Setting, Func<T, IEnumerable<(string Key, string Shown)>> Failures)> _rules = [];

    protected SettingRules(string section) => Section = section;

    public string Section { get; }

    public Type OptionsType => typeof(T);

    public IReadOnlyList<SettingRule> Rules => _rules.Select(r => r.Setting).ToList();

    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = _rules
            .SelectMany(r => r.Failures(options).Select(f => $"{f.Key} is {f.Shown}: must be {r.Setting.Allowed}."))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// The general rule: <paramref name="shownIfBad"/> gives the value as the message shows it
    /// (with any other setting it conflicts with) when it breaks the rule, else null.
    /// </summary>
    protected void Rule(string name, string allowed, Func<T, string?> shownIfBad)
    {
        var key = SettingKey.Of(Section, name);
        _rules.Add((new SettingRule(key, allowed), o => shownIfBad(o) is { } shown ? [(key, shown)] : []));
    }

    protected void Integer(string name, Func<T, long> value, long min, long max) =>
        Rule(name, $"an integer from {SettingKey.Show(min)} to {SettingKey.Show(max)}", o => value(o) is var v && (v < min || v > max) ? SettingKey.Show(v) : null);

    protected void Duration(string name, Func<T, TimeSpan> value, TimeSpan min, TimeSpan max) =>
        Rule(name, $"a duration (hh:mm:ss) from {SettingKey.Show(min)} to {SettingKey.Show(max)}", o => value(o) is var v && (v < min || v > max) ? SettingKey.Show(v) : null);

    /// <summary>A text setting where blank means the default; <paramref name="isValid"/> sees the trimmed value.</summary>
    protected void Optional(string name, string allowed, Func<T, string?> value, Func<string, bool> isValid) =>
        Rule(name, $"blank or {allowed}", o => Settings.ValueOrNull(value(o)) is { } v && !isValid(v.Trim()) ? SettingKey.Show(v) : null);

    /// <summary>An absolute http or https URL.</summary>
    protected void HttpUrl(string name, Func<T, Uri?> value) =>
        Rule(name, "an absolute http(s) URL", o => value(o) is not { } uri ? "not set" : IsHttp(uri) ? null : SettingKey.Show(uri.OriginalString));

    /// <summary>Each entry of a list setting (<c>{list}__{i}__{name}</c>, or <c>{list}__{i}</c> for a list of values).</summary>
    protected void Entries<TItem>(string list, string? name, string allowed, Func<T, IEnumerable<TItem>?> items, Func<TItem, string?> shownIfBad)
    {
        var pattern = SettingKey.Of(Section, name is null ? $"{list}:{{i}}" : $"{list}:{{i}}:{name}");
        // The binder appends the entries set to a list's default ones: count from the first entry set.
        var defaults = items(new T())?.Count() ?? 0;
        _rules.Add((new SettingRule(pattern, allowed), o => (items(o) ?? [])
            .Select((item, i) => (Key: pattern.Replace("{i}", SettingKey.Show(Math.Max(0, i - defaults)), StringComparison.Ordinal), Shown: shownIfBad(item)))
            .Where(f => f.Shown is not null)
            .Select(f => (f.Key, f.Shown!))));
    }

    public static bool IsHttp(Uri uri) => uri.IsAbsoluteUri && uri.Scheme is ("http" or "https");

    public static bool IsHttp(string text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) && IsHttp(uri);
}
