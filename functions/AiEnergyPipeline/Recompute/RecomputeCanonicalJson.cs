using AiEnergyPipeline.Vocabulary;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiEnergyPipeline.Recompute;

/// <summary>
/// The request as applied, as canonical JSON: keys sorted, empty parts left out, numbers in their
/// shortest round-trip form. Two requests that mean the same give the same text, so it can be
/// hashed into the run's inputs and recorded as the run's overrides.
/// </summary>
public static class RecomputeCanonicalJson
{
    public static JsonObject ToNode(RecomputeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (request.Assumptions.Count > 0)
        {
            var assumptions = new JsonObject();
            foreach (var (name, value) in request.Assumptions.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                assumptions[name] = Number(value);
            }

            root["assumptions"] = assumptions;
        }

        // The body's year members are named after the assumptions they set (RequestReader).
        if (request.BaseYear is { } baseYear)
        {
            root[AssumptionNames.BaseYear] = baseYear;
        }

        if (request.HorizonYear is { } horizonYear)
        {
            root[AssumptionNames.HorizonYear] = horizonYear;
        }

        if (request.Scenarios.Count > 0)
        {
            // Request order is kept: it is the order the added scenarios are computed and written in.
            root["scenarios"] = new JsonArray([.. request.Scenarios.Select(Scenario)]);
        }

        return new JsonObject(root);
    }

    public static string ToText(RecomputeRequest request) => ToNode(request).ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    public static JsonElement ToElement(RecomputeRequest request) => JsonSerializer.SerializeToElement(ToNode(request));

    private static JsonObject Scenario(ScenarioOverride scenario)
    {
        var members = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["points"] = new JsonArray([.. scenario.Points.Select(p => (JsonNode)new JsonObject { ["ai_load_gw"] = Number(p.AiLoadGw), ["year"] = p.Year })]),
            ["replaces_published"] = scenario.ReplacesPublished,
            ["scenario_id"] = scenario.ScenarioId,
        };
        if (scenario.Source is not null)
        {
            members["source"] = scenario.Source;
        }

        if (scenario.Url is not null)
        {
            members["url"] = scenario.Url;
        }

        return new JsonObject(members);
    }

    // Written from its round-trip text, so that 0.25 is 0.25 and -0 is 0 whatever the serializer does.
    private static JsonNode Number(double value) =>
        JsonNode.Parse((value + 0.0).ToString("R", CultureInfo.InvariantCulture))!;
}
