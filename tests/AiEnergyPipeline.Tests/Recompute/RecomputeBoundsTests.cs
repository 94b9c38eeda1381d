using AiEnergyPipeline.Recompute;
using static AiEnergyPipeline.Tests.Recompute.RecomputeSamples;

namespace AiEnergyPipeline.Tests.Recompute;

/// <summary>
/// Every overridable number within its physical range (issue 12, item 4): the absurd bodies a
/// tester sent, each answered with the field, the value and the range; a body at each edge accepted;
/// text from the request never shown back with raw control characters.
/// </summary>
public class RecomputeBoundsTests
{
    [Theory]
    // Published as new runs with 300-digit numbers before the ranges.
    [InlineData("{'assumptions': {'other_load_growth_gw_per_year': 1e306}}", "assumptions.other_load_growth_gw_per_year", "1E+306 is outside the range of other_load_growth_gw_per_year, [0, 2000] GW/year")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2028, 'ai_load_gw': 1e300}]}]}", "scenarios[0].points[0].ai_load_gw", "1E+300 is outside the range of ai_load_gw, [0, 2000] GW")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2028, 'ai_load_gw': 1e308}]}]}", "scenarios[0].points[0].ai_load_gw", "1E+308 is outside the range of ai_load_gw, [0, 2000] GW")]
    // Failed writing JSON ("positive and negative infinity cannot be written") before the ranges.
    [InlineData("{'assumptions': {'other_load_growth_gw_per_year': 1e308}}", "assumptions.other_load_growth_gw_per_year", "1E+308 is outside the range of other_load_growth_gw_per_year, [0, 2000] GW/year")]
    [InlineData("{'assumptions': {'load_factor.data_centre': 5e-324}}", "assumptions.load_factor.data_centre", "5E-324 is outside the range of load_factor.data_centre, [0.01, 1] fraction")]
    // Just past each edge.
    [InlineData("{'assumptions': {'reserve_margin': 1.000001}}", "assumptions.reserve_margin", "1.000001 is outside the range of reserve_margin, [0, 1] fraction")]
    [InlineData("{'assumptions': {'reserve_margin': -1e-9}}", "assumptions.reserve_margin", "-1E-09 is outside the range of reserve_margin, [0, 1] fraction")]
    [InlineData("{'assumptions': {'load_factor.data_centre': 0.0099}}", "assumptions.load_factor.data_centre", "0.0099 is outside the range of load_factor.data_centre, [0.01, 1] fraction")]
    [InlineData("{'assumptions': {'load_factor.data_centre': 1.5}}", "assumptions.load_factor.data_centre", "1.5 is outside the range of load_factor.data_centre, [0.01, 1] fraction")]
    [InlineData("{'assumptions': {'accreditation_factor.solar_pv': 2}}", "assumptions.accreditation_factor.solar_pv", "2 is outside the range of accreditation_factor.solar_pv, [0, 1] fraction")]
    [InlineData("{'assumptions': {'completion_weight.U': 1.01}}", "assumptions.completion_weight.U", "1.01 is outside the range of completion_weight.U, [0, 1] fraction")]
    [InlineData("{'assumptions': {'other_load_growth_gw_per_year': 2000.001}}", "assumptions.other_load_growth_gw_per_year", "2000.001 is outside the range of other_load_growth_gw_per_year, [0, 2000] GW/year")]
    [InlineData("{'assumptions': {'firm_import_gw': 2001}}", "assumptions.firm_import_gw", "2001 is outside the range of firm_import_gw, [0, 2000] GW")]
    [InlineData("{'assumptions': {'us_electricity_consumption_twh.2023': 1e12}}", "assumptions.us_electricity_consumption_twh.2023", "1000000000000 is outside the range of us_electricity_consumption_twh.2023, (0, 20000] TWh")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2028, 'ai_load_gw': 2000.5}]}]}", "scenarios[0].points[0].ai_load_gw", "2000.5 is outside the range of ai_load_gw, [0, 2000] GW")]
    [InlineData("{'horizon_year': 2036}", "horizon_year", "2036 is outside the years the data covers, 2010 to 2035")]
    public async Task ParseAsync_AbsurdValue_NamesTheFieldTheValueAndTheRange(string json, string path, string message)
    {
        var result = await ParseQuotedAsync(json);

        Assert.False(result.IsValid);
        Assert.True(result.Errors.ContainsKey(path), string.Join("; ", result.Errors.Keys));
        Assert.Equal(message, Assert.Single(result.Errors[path]));
    }

    [Theory]
    [InlineData("{'assumptions': {'reserve_margin': 0, 'accreditation_factor.nuclear': 0, 'completion_weight.U': 0, 'other_load_growth_gw_per_year': 0, 'firm_import_gw': 0, 'load_factor.data_centre': 0.01, 'us_electricity_consumption_twh.2023': 1e-9}}")]
    [InlineData("{'assumptions': {'reserve_margin': 1, 'accreditation_factor.nuclear': 1, 'completion_weight.U': 1, 'other_load_growth_gw_per_year': 2000, 'firm_import_gw': 2000, 'load_factor.data_centre': 1, 'us_electricity_consumption_twh.2023': 20000}}")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2010, 'ai_load_gw': 0}, {'year': 2035, 'ai_load_gw': 2000}]}], 'base_year': 2010, 'horizon_year': 2035}")]
    [InlineData("{'scenarios': [{'scenario_id': 'a12345678901234567890123456789012345678901234567890123456789012', 'source': 'Me', 'url': 'https://example.org/a', 'points': [{'year': 2030, 'ai_load_gw': 2000}]}]}")]
    public async Task ParseAsync_ValuesAtTheEdgesOfTheirRanges_AreAccepted(string json)
    {
        var result = await ParseQuotedAsync(json);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
    }

    [Fact]
    public void FromAssumptions_DataPast2100_CapsTheLastYearAt2100()
    {
        var limits = RecomputeLimits.FromAssumptions([("horizon_year", 2030, "year")], [], 2020, 2300);

        Assert.Equal(2100, limits.MaxYear);
        Assert.Null(limits.CheckYear(2100));
        Assert.Equal("2101 is outside the years the data covers, 2020 to 2100", limits.CheckYear(2101));
    }

    [Theory]
    [InlineData("{'scenarios': [{'scenario_id': 'x\\u0000y\\u001b[31mred', 'points': [{'year': 2028, 'ai_load_gw': 1}]}]}", "scenarios[0].scenario_id", "'x\\u0000y\\u001b[31mred' is not a snake_case id")]
    [InlineData("{'scenarios': [{'scenario_id': 'my_case', 'source': 'Me', 'url': 'https://e.org/\\u001b[2J\\u202e', 'points': [{'year': 2028, 'ai_load_gw': 1}]}]}", "scenarios[0].url", "'https://e.org/\\u001b[2J\\u202e' is not an absolute http or https URL")]
    [InlineData("{'assumptions': {'bad\\u001b[31m\\u0007': 1}}", "assumptions[\"bad\\u001b[31m\\u0007\"]", "unknown assumption 'bad\\u001b[31m\\u0007'")]
    [InlineData("{'assumptions': {'line\\u2028sep\\u0085': 1}}", "assumptions[\"line\\u2028sep\\u0085\"]", "unknown assumption 'line\\u2028sep\\u0085'")]
    public async Task ParseAsync_ControlCharactersInText_AreShownEscapedNeverRaw(string json, string path, string message)
    {
        var result = await ParseQuotedAsync(json);

        Assert.False(result.IsValid);
        Assert.True(result.Errors.ContainsKey(path), string.Join("; ", result.Errors.Keys));
        Assert.Contains(result.Errors[path], m => m.StartsWith(message, StringComparison.Ordinal));
        foreach (var text in result.Errors.Keys.Concat(result.Errors.Values.SelectMany(m => m)))
        {
            Assert.DoesNotContain(text, c => char.IsControl(c) || c is '\u2028' or '\u202e');
        }
    }

    [Fact]
    public async Task ParseAsync_MalformedJsonWithARawControlCharacter_EscapesItInTheMessage()
    {
        var result = await ParseAsync("{\"scenarios\": [{\"scenario_id\": \"a\u001b[31m\"}]}");

        Assert.False(result.IsValid);
        Assert.All(result.Errors["body"], m => Assert.DoesNotContain(m, c => char.IsControl(c)));
    }
}
