using AiEnergyPipeline.Tables;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Recompute;

/// <summary>
/// Checks the <c>scenarios</c> array: each scenario's id, citation and points. A scenario whose id
/// is published replaces it (its source and url may then be left out to keep the published
/// citation); any other id adds a scenario, which must cite its source.
/// </summary>
internal sealed partial class ScenarioReader(RecomputeLimits limits, ValidationErrors errors)
{
    private const string IdMember = "scenario_id";
    private const string SourceMember = "source";
    private const string UrlMember = "url";
    private const string PointsMember = "points";
    private const string YearMember = "year";
    private const string LoadMember = "ai_load_gw";

    private static readonly string[] ScenarioMembers = [IdMember, SourceMember, UrlMember, PointsMember];
    private static readonly string[] PointMembers = [YearMember, LoadMember];

    public IReadOnlyList<ScenarioOverride> Read(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, $"must be an array of scenarios, not {JsonValues.Kind(value)}");
            return [];
        }

        var count = value.GetArrayLength();
        if (count > RecomputeLimits.MaxScenarios)
        {
            // The items are not checked: a list this long is refused whatever it holds.
            errors.Add(path, $"has {count} scenarios; at most {RecomputeLimits.MaxScenarios} are allowed");
            return [];
        }

        var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        var scenarios = new List<ScenarioOverride>(count);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (ReadScenario(item, ValidationErrors.Index(path, index), index, path, firstIndexById) is { } scenario)
            {
                scenarios.Add(scenario);
            }

            index++;
        }

        return scenarios;
    }

    private ScenarioOverride? ReadScenario(JsonElement item, string path, int index, string arrayPath, Dictionary<string, int> firstIndexById)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be an object with {string.Join(", ", ScenarioMembers)}, not {JsonValues.Kind(item)}");
            return null;
        }

        string? id = null, source = null, url = null;
        List<ScenarioOverridePoint>? points = null;
        var valid = true;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, memberPath, member) in JsonValues.Members(item, path, errors))
        {
            present.Add(name);
            switch (name)
            {
                case IdMember:
                    id = ReadId(member, memberPath, index, arrayPath, firstIndexById);
                    valid &= id is not null;
                    break;
                case SourceMember:
                    source = ReadSource(member, memberPath);
                    valid &= source is not null;
                    break;
                case UrlMember:
                    url = ReadUrl(member, memberPath);
                    valid &= url is not null;
                    break;
                case PointsMember:
                    points = ReadPoints(member, memberPath);
                    valid &= points is not null;
                    break;
                default:
                    errors.Add(memberPath, $"unknown member; a scenario's members are {string.Join(", ", ScenarioMembers)}");
                    valid = false;
                    break;
            }
        }

        if (!present.Contains(IdMember))
        {
            errors.Add(ValidationErrors.Member(path, IdMember), "is required");
            valid = false;
        }

        if (!present.Contains(PointsMember))
        {
            errors.Add(ValidationErrors.Member(path, PointsMember), "is required: at least one point of year and ai_load_gw");
            valid = false;
        }

        // Only a valid id says whether the scenario is new; without one, "required" would be a guess.
        var replaces = id is not null && limits.ScenarioIds.Contains(id);
        if (id is not null && !replaces)
        {
            foreach (var required in new[] { SourceMember, UrlMember })
            {
                if (!present.Contains(required))
                {
                    errors.Add(ValidationErrors.Member(path, required), $"is required for a new scenario ('{id}' is not a published scenario id)");
                    valid = false;
                }
            }
        }

        return valid ? new ScenarioOverride(id!, source, url, points!, replaces) : null;
    }

    private string? ReadId(JsonElement member, string path, int index, string arrayPath, Dictionary<string, int> firstIndexById)
    {
        if (!JsonValues.TryString(member, out var id, out var error))
        {
            errors.Add(path, error!);
            return null;
        }

        if (!ScenarioId().IsMatch(id))
        {
            errors.Add(path, $"'{JsonValues.Show(id)}' is not a snake_case id: a lower-case letter, then up to 63 lower-case letters, digits or _");
            return null;
        }

        if (!firstIndexById.TryAdd(id, index))
        {
            errors.Add(path, $"'{id}' is given twice; first at {ValidationErrors.Index(arrayPath, firstIndexById[id])}");
            return null;
        }

        return id;
    }

    private string? ReadSource(JsonElement member, string path)
    {
        if (!JsonValues.TryString(member, out var source, out var error))
        {
            errors.Add(path, error!);
            return null;
        }

        source = source.Trim();
        error = source.Length == 0 ? "must name who published the figures; it is empty"
            : source.Length > RecomputeLimits.MaxSourceLength ? $"is {source.Length} characters; at most {RecomputeLimits.MaxSourceLength} are allowed"
            : source.Any(char.IsControl) ? "must not contain control characters (line breaks, tabs)"
            : null;
        if (error is not null)
        {
            errors.Add(path, error);
            return null;
        }

        return source;
    }

    private string? ReadUrl(JsonElement member, string path)
    {
        if (!JsonValues.TryString(member, out var url, out var error))
        {
            errors.Add(path, error!);
            return null;
        }

        error = url.Length > RecomputeLimits.MaxUrlLength ? $"is {url.Length} characters; at most {RecomputeLimits.MaxUrlLength} are allowed"
            : !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0 || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
                ? $"'{JsonValues.Show(url)}' is not an absolute http or https URL"
            : null;
        if (error is not null)
        {
            errors.Add(path, error);
            return null;
        }

        return url;
    }

    private List<ScenarioOverridePoint>? ReadPoints(JsonElement member, string path)
    {
        if (member.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, $"must be an array of points (year, ai_load_gw), not {JsonValues.Kind(member)}");
            return null;
        }

        var count = member.GetArrayLength();
        if (count == 0 || count > RecomputeLimits.MaxPointsPerScenario)
        {
            errors.Add(path, $"has {count} points; a scenario needs at least 1 and at most {RecomputeLimits.MaxPointsPerScenario}");
            return null;
        }

        var points = new List<ScenarioOverridePoint>(count);
        var firstIndexByYear = new Dictionary<int, int>();
        var valid = true;
        var index = 0;
        foreach (var item in member.EnumerateArray())
        {
            var pointPath = ValidationErrors.Index(path, index);
            if (ReadPoint(item, pointPath) is { } point)
            {
                if (firstIndexByYear.TryAdd(point.Year, index))
                {
                    points.Add(point);
                }
                else
                {
                    errors.Add(ValidationErrors.Member(pointPath, YearMember), $"{point.Year} is given twice; first at {ValidationErrors.Index(path, firstIndexByYear[point.Year])}");
                    valid = false;
                }
            }
            else
            {
                valid = false;
            }

            index++;
        }

        return valid ? [.. points.OrderBy(p => p.Year)] : null;
    }

    private ScenarioOverridePoint? ReadPoint(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be an object with year and ai_load_gw, not {JsonValues.Kind(item)}");
            return null;
        }

        int? year = null;
        double? load = null;
        var valid = true;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, memberPath, member) in JsonValues.Members(item, path, errors))
        {
            present.Add(name);
            switch (name)
            {
                case YearMember:
                    year = ReadYear(member, memberPath);
                    valid &= year is not null;
                    break;
                case LoadMember:
                    load = ReadLoad(member, memberPath);
                    valid &= load is not null;
                    break;
                default:
                    errors.Add(memberPath, $"unknown member; a point's members are {string.Join(", ", PointMembers)}");
                    valid = false;
                    break;
            }
        }

        foreach (var name in PointMembers)
        {
            if (!present.Contains(name))
            {
                errors.Add(ValidationErrors.Member(path, name), "is required");
                valid = false;
            }
        }

        return valid && year is { } yy && load is { } l ? new ScenarioOverridePoint(yy, l) : null;
    }

    private int? ReadYear(JsonElement member, string path)
    {
        if (JsonValues.TryYear(member, limits, out var year, out var error))
        {
            return year;
        }

        errors.Add(path, error!);
        return null;
    }

    private double? ReadLoad(JsonElement member, string path)
    {
        if (!JsonValues.TryNumber(member, out var load, out var error))
        {
            errors.Add(path, error!);
            return null;
        }

        if (!ValueRange.AiLoad.Contains(load))
        {
            errors.Add(path, $"{RecomputeLimits.Show(load)} is outside the range of ai_load_gw, {ValueRange.AiLoad}");
            return null;
        }

        return load;
    }

    // \z, not $: $ would also match before a final line break ("my_case\n").
    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,63}\z")]
    private static partial Regex ScenarioId();
}
