using System.Text.RegularExpressions;
using AiEnergyPipeline.Dashboard;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Gap.Charts;
using AiEnergyPipeline.Publish;

namespace AiEnergyPipeline.Tests.Dashboard;

public sealed class RunPageHtmlTests
{
    [Fact]
    public void Render_SampleRun_ShowsBannerFirstAndInEveryChartTitle()
    {
        var html = RunPageHtml.Render(RunPageSamples.Data(sample: true));

        Assert.Contains("id=\"sample-banner\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("sample-banner", StringComparison.Ordinal) < html.IndexOf("<h1>", StringComparison.Ordinal));
        Assert.Contains(RunMode.SampleWarning, RunPageHtml.SampleBannerText, StringComparison.Ordinal);
        Assert.All(Regex.Matches(html, "<svg[^>]*class=\"chart\".*?<title[^>]*>(.*?)</title>").Select(m => m.Groups[1].Value),
            t => Assert.StartsWith(RunMode.SampleWarning, t, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_GapChart_InlinedAsWrittenWithItsCaption()
    {
        var chart = SupplyDemandChart.Render(
            [new("s1", null, 2025, 0, "published", 0, "assumption", 0.18, 0, 0), new("s1", null, 2028, 40, "published", 6, "assumption", 0.18, 0.7, 53.6)],
            "Sources: EPRI. Run 20261130T000000Z-abc123",
            sample: false);

        var html = RunPageHtml.Render(RunPageSamples.Data(sample: false) with { GapChart = chart });

        Assert.Contains("<figure>" + chart + "<figcaption>", html, StringComparison.Ordinal);
        Assert.Contains("(gap/gap.svg)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoGapChart_NoEmptyFigure()
    {
        var html = RunPageHtml.Render(RunPageSamples.Data(sample: false) with { GapChart = null });

        Assert.DoesNotContain(SupplyDemandChart.Id, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<figure><figcaption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ModelVersion_InTheRunsLineAndSaidWhereARunDidNotRecordIt()
    {
        var data = RunPageSamples.Data(sample: false);

        Assert.Contains("mode live, model ingest-v10-gap-v9, status", RunPageHtml.Render(data), StringComparison.Ordinal);
        Assert.Contains("model not recorded, status", RunPageHtml.Render(data with { Package = data.Package with { ModelVersion = null } }), StringComparison.Ordinal);
        Assert.Contains("model ingest-v10-gap-v9 (code 693ab3e8f24c), status", RunPageHtml.Render(data with { Package = data.Package with { CodeVersion = "1.0.0+693ab3e8f24c81433a7a8bb27137084e57ba3980" } }), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_GapTable_SaysPerYearHowTheFirmAdditionsWereWeightedWhereTheRunPublishedIt()
    {
        var data = RunPageSamples.Data(sample: false);
        var older = data.GapByYear.Select(r => (IReadOnlyDictionary<string, string>)r.Where(c => c.Key != "firm_additions_basis").ToDictionary()).ToList();

        Assert.Contains("<tfoot><tr><th scope=\"row\">firm additions' completion weights</th><td>none</td><td>assumption</td></tr></tfoot>", RunPageHtml.Render(data), StringComparison.Ordinal);
        Assert.DoesNotContain("<tfoot>", RunPageHtml.Render(data with { GapByYear = older }), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LiveRun_HasNoBanner()
    {
        var html = RunPageHtml.Render(RunPageSamples.Data(sample: false));

        Assert.DoesNotContain("sample-banner", html, StringComparison.Ordinal);
        Assert.DoesNotContain(RunMode.SampleWarning, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Scenario_HasCardWithBothGapsAndItsSourceLink()
    {
        var html = RunPageHtml.Render(RunPageSamples.Data(sample: false));

        var card = Regex.Match(html, "<li class=\"card\" data-scenario=\"epri_2024_high\">(.*?)</li>").Groups[1].Value;
        Assert.Contains("53.6 GW", card, StringComparison.Ordinal);
        Assert.Contains("88.8 GW</strong> in 2030", card, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.epri.com/report\" rel=\"noreferrer\">EPRI &lt;script&gt;", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileData_IsEncodedEverywhere()
    {
        var html = RunPageHtml.Render(RunPageSamples.Data(sample: true, scenarioId: "<b onmouseover=\"x\">s</b>", scenarioUrl: "javascript:alert(3)"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b onmouseover", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;", html, StringComparison.Ordinal);
        Assert.Contains("data-scenario=\"&lt;b onmouseover=&quot;x&quot;&gt;s&lt;/b&gt;\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Page_HasLangOneH1StrictPolicyAndNoScriptOrRemoteResource()
    {
        var html = RunPageHtml.Render(RunPageSamples.Data(sample: true));

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<h1[ >]"));
        Assert.Contains($"content=\"{PageStyle.ContentSecurityPolicy}\"", html, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'", PageStyle.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"//", html);
        Assert.DoesNotMatch("<(script|img|link|iframe|object)[ >]", html);
    }

    [Fact]
    public void Render_Tables_ListEveryFileWithColumnsAndParts()
    {
        var html = RunPageHtml.Render(RunPageSamples.Data(sample: false));

        foreach (var path in new[] { "gap/gap_by_year.csv", "gap/gap_by_year.parquet", "data/ba_hourly/2025_h1.csv", "data/ba_hourly/2025_h1.parquet", "gap/headline.json", "datapackage.json", "report.json" })
        {
            Assert.Contains($"href=\"{path}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("part 2025_h1, CSV", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">gap_gw</th><td>number</td><td>GW</td><td>Gap &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">year (key)</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SourcesAndAssumptions_LinkOnlyWebUrls()
    {
        var html = RunPageHtml.Render(RunPageSamples.Data(sample: true));

        Assert.Contains("<a href=\"https://ember-energy.org/data.csv\" rel=\"noreferrer\">data.csv</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"snapshot/", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-29 06:00 UTC", html, StringComparison.Ordinal);
        Assert.Contains("Creative Commons Attribution 4.0</a>: Ember", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">reserve_margin</th>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.eia.gov/electricity/data/eia860m/", true)]
    [InlineData("https://www.eia.gov.example/xls/august_generator2026.xlsx", false)]
    [InlineData(null, false)]
    public void Render_SampleSource_NamesTheFormatLinksOnlyARealDocumentationPageAndSaysWhoseDataItIsNot(string? documentation, bool linked)
    {
        var data = RunPageSamples.Data(sample: true);
        var sources = data.Package.Sources.Select(s => s.Name == "eia860m" ? s with { SampleOf = new SampleOf("EIA-860M Monthly Update", "EIA", documentation) } : s).ToList();

        var html = RunPageHtml.Render(data with { Package = data.Package with { Sources = sources } });

        var expected = "sample: written by this project in the format of EIA-860M Monthly Update"
            + (linked ? $" (<a href=\"{documentation}\" rel=\"noreferrer\">the dataset&#39;s documentation</a>)" : "") + "; not EIA data</td>";
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain(".example", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InputOrigin.Fetched, "(Ember; gap/us_vs_china_additions.csv).")]
    [InlineData(InputOrigin.Recorded, "(Ember; gap/us_vs_china_additions.csv).")]
    [InlineData(InputOrigin.Sample, "(a sample written by this project in the format of Ember&#39;s Yearly Electricity Data, not Ember data; gap/us_vs_china_additions.csv).")]
    public void Render_UsVsChinaCaption_CreditsEmberOnlyWhenTheRunsEmberFilesAreNotSamples(InputOrigin origin, string credit)
    {
        var data = RunPageSamples.Data(sample: true);
        var sources = data.Package.Sources.Select(s => s.Name == "ember" ? s with { Origin = origin } : s).ToList();

        var html = RunPageHtml.Render(data with { Package = data.Package with { Sources = sources } });

        Assert.Contains("<figcaption>Capacity added per year in the United States and in China " + credit + "</figcaption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Recompute_SaysSoBesideTheRunsNameAndCreditsTheOperatorOnItsOverriddenScenario()
    {
        var data = RunPageSamples.Data(sample: false, derivedFrom: "20261129T000000Z-def456");
        // The request set the scenario's 2028 point: gap_by_year says override in that year.
        data = data with { GapByYear = [.. data.GapByYear.Select(r => r["year"] == "2028" ? new Dictionary<string, string>(r) { ["ai_demand_basis"] = "override" } : r)] };

        var html = RunPageHtml.Render(data);

        Assert.Contains("<p class=\"meta\" id=\"recompute\">A recompute of run <a href=\"../20261129T000000Z-def456/index.html\">", html, StringComparison.Ordinal);
        var card = Regex.Match(html, "<li class=\"card\" data-scenario=\"epri_2024_high\">(.*?)</li>").Groups[1].Value;
        Assert.Contains("Operator's figures, in place of: <a href=\"https://www.epri.com/report\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Source: ", card, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"recompute\"", RunPageHtml.Render(RunPageSamples.Data(sample: false)), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Tables_SayWhatEachWasComputedFrom()
    {
        var data = RunPageSamples.Data(sample: false);
        var resources = data.Package.Resources.Select(r => r.Name.StartsWith("ba_hourly", StringComparison.Ordinal)
            ? r with { Sources = [new AiEnergyPipeline.Tables.TableInput("eia930_bulk", "EIA930_BALANCE_2025_Jan_Jun.csv", "ab")] }
            : r).ToList();

        var html = RunPageHtml.Render(data with { Package = data.Package with { Resources = resources } });

        var entry = Regex.Match(html, "<div class=\"table-entry\" id=\"table-ba_hourly\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("From: eia930_bulk (<a href=\"#sources\">sources</a>)", entry, StringComparison.Ordinal);
        // A resource without sources (a run published before they were recorded) says nothing rather than something wrong.
        Assert.DoesNotContain("From:", Regex.Match(html, "<div class=\"table-entry\" id=\"table-gap_by_year\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TableWhoseResourcesHaveAnOrigin_SaysTheOriginOfItsRows()
    {
        var data = RunPageSamples.Data(sample: true);
        var resources = data.Package.Resources.Select(r => r.Name.StartsWith("ba_hourly", StringComparison.Ordinal)
            ? r with { Sources = [new AiEnergyPipeline.Tables.TableInput("eia930_bulk")], Origin = "sample" }
            : r with { Sources = [new AiEnergyPipeline.Tables.TableInput("curated")] }).ToList();

        var html = RunPageHtml.Render(data with { Package = data.Package with { Resources = resources } });

        var entry = Regex.Match(html, "<div class=\"table-entry\" id=\"table-ba_hourly\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("(<a href=\"#sources\">sources</a>). Origin of its rows: sample.</p>", entry, StringComparison.Ordinal);
        // Without an origin in the package (a run published before it), nothing is said of it.
        Assert.DoesNotContain("Origin of its rows", Regex.Match(html, "<div class=\"table-entry\" id=\"table-gap_by_year\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SourceReadInPart_IsNamedWithTheFileItLacksAboveTheInputs()
    {
        var failed = new AiEnergyPipeline.Fetch.FileFailure("caiso_queue.xlsx", "Sources:Queues:Files:1:Url", "https://example.invalid/q.xlsx", "CAISO's queue", AiEnergyPipeline.Fetch.FailureStage.Fetch, "HTTP 404 Not Found");
        var report = RunPageSamples.Report with { Sources = [new SourceReport("queues", SourceStatus.Partial, 1, [], 10, 10, 0, 0, null, FailedFiles: [failed]), new SourceReport("ember", SourceStatus.Succeeded, 1, [], 5, 5, 0, 0, null)] };

        var html = RunPageHtml.Render(RunPageSamples.Data(sample: false) with { Report = report });

        var note = Regex.Match(html, "<div class=\"incomplete\" role=\"note\">(.*?)</div>").Groups[1].Value;
        Assert.Contains("<li>queues: partial; without caiso_queue.xlsx (CAISO&#39;s queue: HTTP 404 Not Found)</li>", note, StringComparison.Ordinal);
        Assert.DoesNotContain("ember", note, StringComparison.Ordinal);
        Assert.True(html.IndexOf("class=\"incomplete\"", StringComparison.Ordinal) < html.IndexOf("<th scope=\"col\">origin</th>", StringComparison.Ordinal));
        // A run whose every source succeeded says nothing of the kind.
        Assert.DoesNotContain("class=\"incomplete\"", RunPageHtml.Render(RunPageSamples.Data(sample: false)), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Recompute_LinksItsParentRun()
    {
        var html = RunPageHtml.Render(RunPageSamples.Data(sample: false, derivedFrom: "20261129T000000Z-def456"));

        Assert.Contains("<a href=\"../20261129T000000Z-def456/index.html\">run 20261129T000000Z-def456</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Regions_TableWithBarPerRegion()
    {
        var html = RunPageHtml.Render(RunPageSamples.Data(sample: false));

        Assert.Contains("aria-label=\"CAL: 3.5 to 5.0 GW across 2 scenarios\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(">CAL<", StringComparison.Ordinal) < html.IndexOf(">TEX<", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_EarlierRuns_LinkOnlyThoseWithAPageAndEncodeTheirMessages()
    {
        var data = RunPageSamples.Data(sample: false) with
        {
            RecentRuns =
            [
                new RecentRun("20261129T000000Z-aaaaaa", DateTimeOffset.UnixEpoch, RunStatus.Published, "timer", "live", $"Published {RunPageSamples.Hostile}", HasPage: true),
                new RecentRun("20261128T000000Z-bbbbbb", DateTimeOffset.UnixEpoch, RunStatus.Failed, "http", null, new string('x', 500), HasPage: false),
            ],
        };

        var html = RunPageHtml.Render(data);

        Assert.Contains("<th scope=\"row\"><a href=\"../20261129T000000Z-aaaaaa/index.html\">20261129T000000Z-aaaaaa</a></th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">20261128T000000Z-bbbbbb</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>failed</td>", html, StringComparison.Ordinal);
        Assert.Contains(new string('x', 240) + "\u2026<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 241), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoEarlierRuns_SaysSo() =>
        Assert.Contains("No run before this one.", RunPageHtml.Render(RunPageSamples.Data(sample: false)), StringComparison.Ordinal);
}
