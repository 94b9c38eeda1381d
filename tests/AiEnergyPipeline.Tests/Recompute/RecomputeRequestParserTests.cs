using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Recompute;
using static AiEnergyPipeline.Tests.Recompute.RecomputeSamples;

namespace AiEnergyPipeline.Tests.Recompute;

public class RecomputeRequestParserTests
{
    [Fact]
    public async Task ParseAsync_FullValidBody_ReturnsEveryPart()
    {
        var result = await ParseQuotedAsync("""
            {
              "assumptions": {"reserve_margin": 0.2, "accreditation_factor.solar_pv": 0.15, "other_load_growth_gw_per_year": 10,
                              "us_electricity_consumption_twh.2023": 4100.5, "mystery_quantity": 0},
              "scenarios": [
                {"scenario_id": "my_case", "source": "  My model  ", "url": "https://example.org/my-case",
                 "points": [{"year": 2030, "ai_load_gw": 90.5}, {"year": 2028, "ai_load_gw": 60}]},
                {"scenario_id": "epri_2024_high", "points": [{"ai_load_gw": 0, "year": 2025}]}
              ],
              "base_year": 2025,
              "horizon_year": 2030
            }
            """);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        Assert.Empty(result.Errors);
        var request = result.Request;
        Assert.Equal(
            new Dictionary<string, double>
            {
                ["reserve_margin"] = 0.2,
                ["accreditation_factor.solar_pv"] = 0.15,
                ["other_load_growth_gw_per_year"] = 10,
                ["us_electricity_consumption_twh.2023"] = 4100.5,
                ["mystery_quantity"] = 0,
            },
            request.Assumptions);
        Assert.Equal(2025, request.BaseYear);
        Assert.Equal(2030, request.HorizonYear);
        Assert.Equal(2, request.Scenarios.Count);

        var added = request.Scenarios[0];
        Assert.Equal("my_case", added.ScenarioId);
        Assert.Equal("My model", added.Source);
        Assert.Equal("https://example.org/my-case", added.Url);
        Assert.False(added.ReplacesPublished);
        Assert.Equal([new ScenarioOverridePoint(2028, 60), new ScenarioOverridePoint(2030, 90.5)], added.Points);

        var replaced = request.Scenarios[1];
        Assert.True(replaced.ReplacesPublished);
        Assert.Null(replaced.Source);
        Assert.Null(replaced.Url);
        Assert.Equal([new ScenarioOverridePoint(2025, 0)], replaced.Points);
        Assert.False(request.IsEmpty);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("{}")]
    [InlineData(" { } ")]
    [InlineData("\uFEFF{}")]
    [InlineData("{\"assumptions\": {}, \"scenarios\": []}")]
    public async Task ParseAsync_EmptyBodyOrEmptyObject_IsTheEmptyRequest(string body)
    {
        var result = await ParseAsync(body);

        Assert.True(result.IsValid);
        Assert.True(result.Request.IsEmpty);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task ParseAsync_BaseYearOnlyInAssumptions_IsTheBaseYear()
    {
        var result = await ParseQuotedAsync("{'assumptions': {'base_year': 2024, 'horizon_year': 2029}}");

        Assert.True(result.IsValid);
        Assert.Equal(2024, result.Request.BaseYear);
        Assert.Equal(2029, result.Request.HorizonYear);
        // One form for one meaning: the same request as {'base_year': 2024, ...}, so the same hash.
        Assert.False(result.Request.Assumptions.ContainsKey("base_year"));
        Assert.Equal(RecomputePipeline.InputsHash("base", (await ParseQuotedAsync("{'base_year': 2024, 'horizon_year': 2029}")).Request!), RecomputePipeline.InputsHash("base", result.Request!));
    }

    [Theory]
    // Malformed JSON: the position is 1-based.
    [InlineData("{", "body", "malformed JSON at line 1")]
    [InlineData("{'base_year': 2025,}", "body", "malformed JSON at line 1, byte 20")]
    [InlineData("{'base_year': 2025} x", "body", "malformed JSON")]
    [InlineData("{'base_year': 2025 // comment\n}", "body", "malformed JSON")]
    [InlineData("{\n'base_year': 'x\n'}", "body", "malformed JSON at line 2")]
    [InlineData("{'base_year': 2025}{}", "body", "malformed JSON")]
    [InlineData("{'base_year': NaN}", "body", "malformed JSON")]
    [InlineData("{'base_year': Infinity}", "body", "malformed JSON")]
    [InlineData("{'base_year': 02025}", "body", "malformed JSON")]
    // The body must be an object.
    [InlineData("[]", "body", "must be a JSON object, not an array")]
    [InlineData("null", "body", "must be a JSON object, not null")]
    [InlineData("2025", "body", "must be a JSON object, not a number")]
    [InlineData("'text'", "body", "must be a JSON object, not a string")]
    // Unknown members, at every level.
    [InlineData("{'baseyear': 2025}", "baseyear", "unknown member; the body's members are assumptions, scenarios, base_year, horizon_year")]
    [InlineData("{'Base_Year': 2025}", "Base_Year", "unknown member")]
    [InlineData("{'a b': 1}", "[\"a b\"]", "unknown member")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2025, 'ai_load_gw': 1}], 'notes': 'x'}]}", "scenarios[0].notes", "a scenario's members are scenario_id, source, url, points")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2025, 'ai_load_gw': 1, 'unit': 'GW'}]}]}", "scenarios[0].points[0].unit", "a point's members are year, ai_load_gw")]
    // Duplicate members.
    [InlineData("{'base_year': 2025, 'base_year': 2026}", "base_year", "is given more than once")]
    [InlineData("{'assumptions': {'reserve_margin': 0.2, 'reserve_margin': 0.3}}", "assumptions.reserve_margin", "is given more than once")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'scenario_id': 'x', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].scenario_id", "is given more than once")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2025, 'year': 2026, 'ai_load_gw': 1}]}]}", "scenarios[0].points[0].year", "is given more than once")]
    [InlineData("{'base_year': 2025, 'base\\u005fyear': 2025}", "base_year", "is given more than once")]
    // Wrong JSON types.
    [InlineData("{'assumptions': {'reserve_margin': '0.2'}}", "assumptions.reserve_margin", "must be a number, not a string")]
    [InlineData("{'assumptions': {'reserve_margin': null}}", "assumptions.reserve_margin", "must be a number, not null")]
    [InlineData("{'assumptions': {'reserve_margin': true}}", "assumptions.reserve_margin", "must be a number, not a boolean")]
    [InlineData("{'assumptions': {'reserve_margin': [0.2]}}", "assumptions.reserve_margin", "must be a number, not an array")]
    [InlineData("{'assumptions': [{'reserve_margin': 0.2}]}", "assumptions", "must be an object of assumption names and values, not an array")]
    [InlineData("{'assumptions': null}", "assumptions", "not null")]
    [InlineData("{'scenarios': {'scenario_id': 'x'}}", "scenarios", "must be an array of scenarios, not an object")]
    [InlineData("{'scenarios': ['my_case']}", "scenarios[0]", "must be an object with scenario_id, source, url, points, not a string")]
    [InlineData("{'scenarios': [{'scenario_id': 7, 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].scenario_id", "must be a string, not a number")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'source': 1, 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].source", "must be a string, not a number")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': {'year': 2025, 'ai_load_gw': 1}}]}", "scenarios[0].points", "must be an array of points (year, ai_load_gw), not an object")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [[2025, 1]]}]}", "scenarios[0].points[0]", "must be an object with year and ai_load_gw, not an array")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2025, 'ai_load_gw': '1'}]}]}", "scenarios[0].points[0].ai_load_gw", "must be a number, not a string")]
    [InlineData("{'base_year': '2025'}", "base_year", "must be a year (a whole number), not a string")]
    // Years: whole numbers written as such, within the data.
    [InlineData("{'base_year': 2025.5}", "base_year", "must be a whole year written without a fraction or exponent, not 2025.5")]
    [InlineData("{'base_year': 2025.0}", "base_year", "must be a whole year written without a fraction or exponent, not 2025.0")]
    [InlineData("{'horizon_year': 2.03e3}", "horizon_year", "must be a whole year written without a fraction or exponent")]
    [InlineData("{'base_year': 2009}", "base_year", "2009 is outside the years the data covers, 2010 to 2035")]
    [InlineData("{'horizon_year': 2036}", "horizon_year", "2036 is outside the years the data covers, 2010 to 2035")]
    [InlineData("{'base_year': -2025}", "base_year", "-2025 is outside the years the data covers")]
    [InlineData("{'base_year': 99999999999999999999}", "base_year", "99999999999999999999 is outside the years the data covers")]
    [InlineData("{'assumptions': {'horizon_year': 2040}}", "assumptions.horizon_year", "2040 is outside the years the data covers")]
    [InlineData("{'assumptions': {'base_year': 2025.5}}", "assumptions.base_year", "must be a whole year")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2099, 'ai_load_gw': 1}]}]}", "scenarios[0].points[0].year", "2099 is outside the years the data covers, 2010 to 2035")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2028.5, 'ai_load_gw': 1}]}]}", "scenarios[0].points[0].year", "must be a whole year")]
    // base_year after horizon_year: on each year the request gave.
    [InlineData("{'base_year': 2031}", "base_year", "base_year 2031 is after horizon_year 2030 (published)")]
    [InlineData("{'horizon_year': 2024}", "horizon_year", "base_year 2025 (published) is after horizon_year 2024")]
    [InlineData("{'assumptions': {'base_year': 2031}}", "assumptions.base_year", "base_year 2031 is after horizon_year 2030 (published)")]
    [InlineData("{'base_year': 2026, 'assumptions': {'base_year': 2027}}", "assumptions.base_year", "base_year 2026 and assumptions.base_year 2027 disagree; give it once")]
    // Unknown assumption names: a few known names, alike first.
    [InlineData("{'assumptions': {'reserve_margn': 0.2}}", "assumptions.reserve_margn", "unknown assumption 'reserve_margn'; known names include accreditation_factor.nuclear")]
    [InlineData("{'assumptions': {'accreditation_factor.fusion': 0.2}}", "assumptions.accreditation_factor.fusion", "known names include accreditation_factor.nuclear, accreditation_factor.onshore_wind, accreditation_factor.solar_pv (12 in all)")]
    [InlineData("{'assumptions': {'Reserve_Margin': 0.2}}", "assumptions.Reserve_Margin", "unknown assumption")]
    [InlineData("{'assumptions': {'': 0.2}}", "assumptions[\"\"]", "unknown assumption ''")]
    // Values out of range, by unit.
    [InlineData("{'assumptions': {'reserve_margin': 1.2}}", "assumptions.reserve_margin", "1.2 is outside the range of reserve_margin, [0, 1] fraction")]
    [InlineData("{'assumptions': {'accreditation_factor.nuclear': -0.1}}", "assumptions.accreditation_factor.nuclear", "-0.1 is outside the range of accreditation_factor.nuclear, [0, 1] fraction")]
    [InlineData("{'assumptions': {'load_factor.data_centre': 0}}", "assumptions.load_factor.data_centre", "0 is outside the range of load_factor.data_centre, [0.01, 1] fraction")]
    [InlineData("{'assumptions': {'other_load_growth_gw_per_year': -1}}", "assumptions.other_load_growth_gw_per_year", "-1 is outside the range of other_load_growth_gw_per_year, [0, 2000] GW/year")]
    [InlineData("{'assumptions': {'firm_import_gw': -5}}", "assumptions.firm_import_gw", "-5 is outside the range of firm_import_gw, [0, 2000] GW")]
    [InlineData("{'assumptions': {'us_electricity_consumption_twh.2023': -4000}}", "assumptions.us_electricity_consumption_twh.2023", "-4000 is outside the range of us_electricity_consumption_twh.2023, (0, 20000] TWh")]
    [InlineData("{'assumptions': {'us_electricity_consumption_twh.2023': 0}}", "assumptions.us_electricity_consumption_twh.2023", "0 is outside the range of us_electricity_consumption_twh.2023, (0, 20000] TWh")]
    [InlineData("{'assumptions': {'mystery_quantity': -3}}", "assumptions.mystery_quantity", "-3 is outside the range of mystery_quantity, [0, 1000000] furlongs")]
    // Numbers beyond a double.
    [InlineData("{'assumptions': {'firm_import_gw': 1e400}}", "assumptions.firm_import_gw", "1e400 is outside the range of firm_import_gw, [0, 2000] GW")]
    [InlineData("{'assumptions': {'firm_import_gw': -1e400}}", "assumptions.firm_import_gw", "-1e400 is outside the range of firm_import_gw, [0, 2000] GW")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2025, 'ai_load_gw': 1e309}]}]}", "scenarios[0].points[0].ai_load_gw", "is outside the range of a double")]
    // Scenario ids.
    [InlineData("{'scenarios': [{'scenario_id': 'My_Case', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].scenario_id", "'My_Case' is not a snake_case id")]
    [InlineData("{'scenarios': [{'scenario_id': '1case', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].scenario_id", "is not a snake_case id")]
    [InlineData("{'scenarios': [{'scenario_id': '', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].scenario_id", "is not a snake_case id")]
    [InlineData("{'scenarios': [{'scenario_id': 'my-case', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].scenario_id", "is not a snake_case id")]
    [InlineData("{'scenarios': [{'scenario_id': 'my_case\\n', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].scenario_id", "is not a snake_case id")]
    [InlineData("{'scenarios': [{'scenario_id': 'a12345678901234567890123456789012345678901234567890123456789012345', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].scenario_id", "up to 63")]
    [InlineData("{'scenarios': [{'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].scenario_id", "is required")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2025, 'ai_load_gw': 1}]}, {'scenario_id': 'epri_2024_high', 'points': [{'year': 2025, 'ai_load_gw': 2}]}]}", "scenarios[1].scenario_id", "'epri_2024_high' is given twice; first at scenarios[0]")]
    // Points.
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high'}]}", "scenarios[0].points", "is required: at least one point")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': []}]}", "scenarios[0].points", "has 0 points; a scenario needs at least 1 and at most 200")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2025, 'ai_load_gw': 1}, {'year': 2025, 'ai_load_gw': 2}]}]}", "scenarios[0].points[1].year", "2025 is given twice; first at scenarios[0].points[0]")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2025, 'ai_load_gw': -1}]}]}", "scenarios[0].points[0].ai_load_gw", "-1 is outside the range of ai_load_gw, [0, 2000] GW")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'ai_load_gw': 1}]}]}", "scenarios[0].points[0].year", "is required")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2025}]}]}", "scenarios[0].points[0].ai_load_gw", "is required")]
    // Source and url: required for a new scenario; url absolute http or https.
    [InlineData("{'scenarios': [{'scenario_id': 'my_case', 'url': 'https://example.org/a', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].source", "is required for a new scenario ('my_case' is not a published scenario id)")]
    [InlineData("{'scenarios': [{'scenario_id': 'my_case', 'source': 'Me', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].url", "is required for a new scenario")]
    [InlineData("{'scenarios': [{'scenario_id': 'my_case', 'source': '  ', 'url': 'https://example.org/a', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].source", "it is empty")]
    [InlineData("{'scenarios': [{'scenario_id': 'my_case', 'source': 'a\\nb', 'url': 'https://example.org/a', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].source", "must not contain control characters")]
    [InlineData("{'scenarios': [{'scenario_id': 'my_case', 'source': 'Me', 'url': 'example.org/a', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].url", "'example.org/a' is not an absolute http or https URL")]
    [InlineData("{'scenarios': [{'scenario_id': 'my_case', 'source': 'Me', 'url': 'ftp://example.org/a', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].url", "is not an absolute http or https URL")]
    [InlineData("{'scenarios': [{'scenario_id': 'my_case', 'source': 'Me', 'url': 'file:///etc/passwd', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].url", "is not an absolute http or https URL")]
    [InlineData("{'scenarios': [{'scenario_id': 'my_case', 'source': 'Me', 'url': '/relative/path', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].url", "is not an absolute http or https URL")]
    [InlineData("{'scenarios': [{'scenario_id': 'my_case', 'source': 'Me', 'url': 'https://exa mple.org/', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].url", "is not an absolute http or https URL")]
    [InlineData("{'scenarios': [{'scenario_id': 'epri_2024_high', 'url': 'javascript:alert(1)', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].url", "is not an absolute http or https URL")]
    // Text that is not valid: an escaped lone surrogate.
    [InlineData("{'scenarios': [{'scenario_id': 'my_case', 'source': '\\ud800', 'url': 'https://example.org/a', 'points': [{'year': 2025, 'ai_load_gw': 1}]}]}", "scenarios[0].source", "is not valid text")]
    [InlineData("{'\\udc00': 1}", "body", "a member name is not valid text")]
    public async Task ParseAsync_InvalidField_AnswersAnErrorAtItsPath(string json, string path, string message)
    {
        var result = await ParseQuotedAsync(json);

        Assert.False(result.IsValid);
        Assert.Null(result.Request);
        Assert.True(result.Errors.ContainsKey(path), $"no error at {path}; errors: {Describe(result)}");
        Assert.Contains(result.Errors[path], m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ParseAsync_BaseYearAfterHorizon_ErrsOnBoth()
    {
        var result = await ParseQuotedAsync("{'base_year': 2030, 'horizon_year': 2026}");

        Assert.Equal(["base_year", "horizon_year"], result.Errors.Keys.Order());
        Assert.All(result.Errors.Values, m => Assert.Equal(["base_year 2030 is after horizon_year 2026"], m));
    }

    [Fact]
    public async Task ParseAsync_BaseYearEqualToHorizon_IsValid()
    {
        var result = await ParseQuotedAsync("{'base_year': 2028, 'horizon_year': 2028}");

        Assert.True(result.IsValid);
        Assert.Equal(2028, result.Request.BaseYear);
    }

    [Fact]
    public async Task ParseAsync_ThreeProblems_ListsThreeFieldsAtOnce()
    {
        var result = await ParseQuotedAsync("""
            {'assumptions': {'reserve_margin': 1.5, 'nope': 1},
             'scenarios': [{'scenario_id': 'epri_2024_high', 'points': [{'year': 2025, 'ai_load_gw': -2}]}]}
            """);

        Assert.Equal(
            ["assumptions.nope", "assumptions.reserve_margin", "scenarios[0].points[0].ai_load_gw"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Errors.Values, m => Assert.Single(m));
    }

    [Fact]
    public async Task ParseAsync_MoreThan100Scenarios_SaysTheLimit()
    {
        var scenarios = string.Join(", ", Enumerable.Range(0, 101).Select(i => NewScenario($"case_{i}")));

        var result = await ParseQuotedAsync($"{{'scenarios': [{scenarios}]}}");

        var (path, messages) = Assert.Single(result.Errors);
        Assert.Equal("scenarios", path);
        Assert.Equal(["has 101 scenarios; at most 100 are allowed"], messages);
    }

    [Fact]
    public async Task ParseAsync_Exactly100Scenarios_IsValid()
    {
        // Every year the data covers, 2010 to 2035: 26 points.
        var points = "[" + string.Join(", ", Enumerable.Range(0, 26).Select(i => $"{{'year': {MinYear + i}, 'ai_load_gw': {i}}}")) + "]";
        var scenarios = string.Join(", ", Enumerable.Range(0, 100).Select(i => NewScenario($"case_{i}", points)));

        var result = await ParseQuotedAsync($"{{'scenarios': [{scenarios}]}}");

        Assert.True(result.IsValid, Describe(result));
        Assert.Equal(100, result.Request.Scenarios.Count);
        Assert.Equal(26, result.Request.Scenarios[99].Points.Count);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public async Task ParseAsync_PointsPerScenario_AtMost200(int count, bool valid)
    {
        // Years must be unique and within the data, so the limits are widened for this case.
        var limits = RecomputeLimits.FromAssumptions([], [], 1800, 2100);
        var points = "[" + string.Join(", ", Enumerable.Range(0, count).Select(i => $"{{\"year\": {1800 + i}, \"ai_load_gw\": 1}}")) + "]";
        using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{{\"scenarios\": [{{\"scenario_id\": \"c\", \"source\": \"s\", \"url\": \"http://x.org\", \"points\": {points}}}]}}"));

        var result = await RecomputeRequestParser.ParseAsync(body, limits, CancellationToken.None);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(["has 201 points; a scenario needs at least 1 and at most 200"], result.Errors["scenarios[0].points"]);
        }
    }

    [Fact]
    public async Task ParseAsync_NestingDeeperThan16_IsABodyErrorNamingTheDepth()
    {
        var result = await ParseAsync("{\"x\": " + new string('[', 20) + new string(']', 20) + "}");

        var (path, messages) = Assert.Single(result.Errors);
        Assert.Equal("body", path);
        Assert.Contains("depth of 16", Assert.Single(messages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseAsync_InvalidUtf8_IsABodyErrorWithTheOffset()
    {
        var result = await ParseAsync([.. "{\"a\": \""u8, 0xC3, 0x28, .. "\"}"u8]);

        Assert.Equal(["the body is not valid UTF-8 (first bad byte at offset 7)"], result.Errors["body"]);
    }

    [Fact]
    public async Task ParseAsync_ThousandsOfUnknownNames_ListsTheFirst100AndCountsTheRest()
    {
        var names = string.Join(", ", Enumerable.Range(0, 5000).Select(i => $"'x{i}': 1"));

        var result = await ParseQuotedAsync($"{{'assumptions': {{{names}}}}}");

        Assert.Equal(101, result.Errors.Count);
        Assert.Equal(["4900 more invalid field(s) not listed; only the first 100 are"], result.Errors["body"]);
    }

    [Fact]
    public async Task ParseAsync_LongUnknownName_IsCutInThePath()
    {
        var name = new string('z', 1000);

        var result = await ParseQuotedAsync($"{{'{name}': 1}}");

        var path = Assert.Single(result.Errors).Key;
        Assert.Equal(new string('z', 64) + "…", path[2..^2]);
    }

    private static string Describe(RecomputeParseResult result) =>
        string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" | ", e.Value)}"));
}
