using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using System.Text.Json;

namespace AiEnergyPipeline.Recompute;

/// <summary>
/// Walks the body's root object and checks every member, adding an error for each problem and
/// going on, so that one answer lists every invalid field.
/// </summary>
internal sealed class RequestReader(RecomputeLimits limits, ValidationErrors errors)
{
    private const string AssumptionsMember = "assumptions";
    private const string ScenariosMember = "scenarios";
    // Named after the assumptions they set: Agree looks the assumption up by the member's name.
    private const string BaseYearMember = AssumptionNames.BaseYear;
    private const string HorizonYearMember = AssumptionNames.HorizonYear;

    private static readonly string[] TopLevelMembers = [AssumptionsMember, ScenariosMember, BaseYearMember, HorizonYearMember];

    /// <summary>The valid years given at the top level (base_year, horizon_year), to put errors where the request gave them.</summary>
    private readonly HashSet<string> _topLevelYears = new(StringComparer.Ordinal);

    public RecomputeRequest Read(JsonElement root)
    {
        var assumptions = new Dictionary<string, double>(StringComparer.Ordinal);
        IReadOnlyList<ScenarioOverride> scenarios = [];
        int? baseYear = null, horizonYear = null;
        foreach (var (name, path, value) in JsonValues.Members(root, "", errors))
        {
            switch (name)
            {
                case AssumptionsMember:
                    ReadAssumptions(value, path, assumptions);
                    break;
                case ScenariosMember:
                    scenarios = new ScenarioReader(limits, errors).Read(value, path);
                    break;
                case BaseYearMember:
                    baseYear = ReadYear(value, path);
                    break;
                case HorizonYearMember:
                    horizonYear = ReadYear(value, path);
                    break;
                default:
                    errors.Add(path, $"unknown member; the body's members are {string.Join(", ", TopLevelMembers)}");
                    break;
            }
        }

        baseYear = Agree(BaseYearMember, baseYear, assumptions);
        horizonYear = Agree(HorizonYearMember, horizonYear, assumptions);
        CheckOrder(baseYear, horizonYear, assumptions);
        // One form for one meaning: a year given as an assumption is the top-level year, so that
        // both ways of asking hash (and publish) alike.
        assumptions.Remove(BaseYearMember);
        assumptions.Remove(HorizonYearMember);
        return new RecomputeRequest(assumptions, scenarios, baseYear, horizonYear);
    }

    private void ReadAssumptions(JsonElement value, string path, Dictionary<string, double> assumptions)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be an object of assumption names and values, not {JsonValues.Kind(value)}");
            return;
        }

        foreach (var (name, memberPath, member) in JsonValues.Members(value, path, errors))
        {
            if (limits.Assumption(name) is not { } published)
            {
                errors.Add(memberPath, $"unknown assumption '{JsonValues.Show(name)}'; {KnownNamesHint(name)}");
                continue;
            }

            if (published.Unit == AssumptionsCsv.Year)
            {
                if (JsonValues.TryYear(member, limits, out var year, out var yearError))
                {
                    assumptions[name] = year;
                }
                else
                {
                    errors.Add(memberPath, yearError!);
                }

                continue;
            }

            if (!JsonValues.TryNumber(member, out var number, out var error) || (error = limits.Check(published, number)) is not null)
            {
                // A number beyond a double (1e400) is still named with the range it is outside.
                errors.Add(memberPath, member.ValueKind == JsonValueKind.Number && (!member.TryGetDouble(out var parsed) || !double.IsFinite(parsed))
                    ? $"{JsonValues.Show(member.GetRawText())} is outside the range of {name}, {ValueRange.For(name, published.Unit)}"
                    : error!);
                continue;
            }

            assumptions[name] = number;
        }
    }

    private int? ReadYear(JsonElement value, string path)
    {
        if (JsonValues.TryYear(value, limits, out var year, out var error))
        {
            _topLevelYears.Add(path);
            return year;
        }

        errors.Add(path, error!);
        return null;
    }

    /// <summary>
    /// A year may be given at the top level or as an assumption; given both ways, the two must be
    /// the same. Returns the year to use, from either place.
    /// </summary>
    private int? Agree(string name, int? topLevel, Dictionary<string, double> assumptions)
    {
        var asAssumption = assumptions.TryGetValue(name, out var v) ? (int?)(int)v : null;
        if (topLevel is { } t && asAssumption is { } a && t != a)
        {
            var message = $"{name} {t} and assumptions.{name} {a} disagree; give it once";
            errors.Add(name, message);
            errors.Add(ValidationErrors.Member(AssumptionsMember, name), message);
        }

        return topLevel ?? asAssumption;
    }

    /// <summary>
    /// The base year must not be after the horizon. The error goes on each year the request gave;
    /// a year it did not give is the published one and is named as such.
    /// </summary>
    private void CheckOrder(int? baseYear, int? horizonYear, Dictionary<string, double> assumptions)
    {
        var effectiveBase = baseYear ?? limits.PublishedBaseYear;
        var effectiveHorizon = horizonYear ?? limits.PublishedHorizonYear;
        if (effectiveBase is not { } b || effectiveHorizon is not { } h || b <= h || (baseYear is null && horizonYear is null))
        {
            return;
        }

        var message = $"{BaseYearMember} {b}{(baseYear is null ? " (published)" : "")} is after {HorizonYearMember} {h}{(horizonYear is null ? " (published)" : "")}";
        foreach (var (name, given) in new[] { (BaseYearMember, baseYear), (HorizonYearMember, horizonYear) })
        {
            if (given is null)
            {
                continue;
            }

            // On the path where the request gave it; both when it gave it both ways.
            var fromAssumption = assumptions.ContainsKey(name);
            if (!fromAssumption || GivenAtTopLevel(name))
            {
                errors.Add(name, message);
            }

            if (fromAssumption)
            {
                errors.Add(ValidationErrors.Member(AssumptionsMember, name), message);
            }
        }
    }

    private bool GivenAtTopLevel(string name) => _topLevelYears.Contains(name);

    /// <summary>A few known names, those sharing the unknown name's prefix first (accreditation_factor.*).</summary>
    private string KnownNamesHint(string name)
    {
        var known = limits.KnownAssumptionNames;
        if (known.Count == 0)
        {
            return "no assumptions are published";
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var prefix = dot > 0 ? name[..(dot + 1)] : null;
        var alike = prefix is null ? [] : known.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var shown = (alike.Count > 0 ? alike : known).Take(6).ToList();
        var more = known.Count > shown.Count ? $" ({known.Count} in all)" : "";
        return $"known names include {string.Join(", ", shown)}{more}";
    }
}
