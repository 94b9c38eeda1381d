using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Recompute;
using System.Text;

namespace AiEnergyPipeline.Tests.Recompute;

/// <summary>Limits like the published ones (a subset of curated/assumptions.csv) and a parse helper.</summary>
internal static class RecomputeSamples
{
    public const int MinYear = 2010;
    public const int MaxYear = 2035;

    public static RecomputeLimits Limits { get; } = RecomputeLimits.FromAssumptions(
        [
            ("accreditation_factor.nuclear", 0.95, "fraction"),
            ("accreditation_factor.solar_pv", 0.11, "fraction"),
            ("accreditation_factor.onshore_wind", 0.41, "fraction"),
            ("base_year", 2025, "year"),
            ("completion_weight.U", 0.85, "fraction"),
            ("horizon_year", 2030, "year"),
            ("load_factor.data_centre", 0.8, "fraction"),
            ("other_load_growth_gw_per_year", 12.6, "GW/year"),
            ("reserve_margin", 0.18, "fraction"),
            ("us_electricity_consumption_twh.2023", 4000, "TWh"),
            ("firm_import_gw", 5, "GW"),
            ("mystery_quantity", 3, "furlongs"),
        ],
        ["anthropic_build_ai_2028", "anthropic_build_ai_2028", "epri_2024_high"],
        MinYear,
        MaxYear);

    /// <summary>Parses <paramref name="json"/> in which ' stands for ", to keep the cases readable.</summary>
    public static Task<RecomputeParseResult> ParseQuotedAsync(string json) => ParseAsync(json.Replace('\'', '"'));

    public static Task<RecomputeParseResult> ParseAsync(string json) => ParseAsync(Encoding.UTF8.GetBytes(json));

    public static async Task<RecomputeParseResult> ParseAsync(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        return await RecomputeRequestParser.ParseAsync(stream, Limits, CancellationToken.None);
    }

    /// <summary>A scenario object with a citation and the given points, ' for ".</summary>
    public static string NewScenario(string id, string points = "[{'year': 2028, 'ai_load_gw': 60}]") =>
        $"{{'scenario_id': '{id}', 'source': 'Me', 'url': 'https://example.org/a', 'points': {points}}}";
}
