using System.Security.Cryptography;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Publish;
using Microsoft.Playwright;

namespace AiEnergyPipeline.IntegrationTests.Dashboard;

/// <summary>
/// The page of an offline run in a real browser: headless Chromium (Debian's chromium package,
/// which test.sh installs) driven by Playwright. Never skipped: without Chromium the test fails and says how to get it.
/// </summary>
public sealed class RunPageBrowserTests
{
    /// <summary>The setting test.sh exports: the Chromium executable.</summary>
    public const string ChromiumSetting = "AIENERGY_CHROMIUM";

    private static readonly (string Name, int Width, int Height)[] Viewports = [("desktop", 1280, 800), ("phone", 390, 844)];

    [Fact]
    public async Task RunPage_OfflineRun_RendersCleanlyInChromium()
    {
        var store = TestPaths.NewTempFolder();
        var outcome = await TestPipeline.RunIngestAsync(store);
        Assert.True(outcome.Succeeded, outcome.Message);
        var storeUri = new Uri(Path.GetFullPath(store) + Path.DirectorySeparatorChar).AbsoluteUri;
        var runFolder = Path.Combine(store, RunPublisher.RunFolder(outcome.RunId));
        var hashes = ResourceHashes(runFolder);
        var scenarios = TestPipeline.ReadJson(Path.Combine(runFolder, "gap", "headline.json")).GetProperty("scenarios")
            .EnumerateArray().Select(s => s.GetProperty("scenario_id").GetString()!).ToList();
        var artefacts = Path.Combine(AppContext.BaseDirectory, "browser-artefacts");
        Directory.CreateDirectory(artefacts);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium(), Headless = true });
        foreach (var (name, width, height) in Viewports)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            var errors = new List<string>();
            var outside = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    errors.Add($"{message.Type}: {message.Text}");
                }
            };
            page.PageError += (_, error) => errors.Add($"page error: {error}");
            page.Request += (_, request) =>
            {
                if (!request.Url.StartsWith(storeUri, StringComparison.Ordinal))
                {
                    outside.Add(request.Url);
                }
            };

            // The root index.html first, as a reader arrives: it names the latest run's page, by a link and a refresh.
            var pageUri = storeUri + RunPublisher.PagePath(outcome.RunId);
            await page.GotoAsync(storeUri + RunPublisher.RootPagePath);
            for (var wait = 0; wait < 100 && page.Url != pageUri; wait++)
            {
                await Task.Delay(100);
            }

            Assert.Equal(pageUri, page.Url);
            // The document's own state, not Playwright's load event: in one full CI run (the machine
            // busy with the other tests) the wait for that event after the refresh's navigation timed
            // out at 30 s although the page had loaded (its log showed "NetworkIdle" fired).
            await page.WaitForFunctionAsync("() => document.readyState === 'complete'");

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artefacts, $"run-page-{name}-{width}x{height}.png") });
            Assert.Empty(errors);
            Assert.Empty(outside);
            await CheckLinksAsync(page, storeUri, runFolder, hashes);
            await CheckCardsAsync(page, scenarios);
            await CheckChartsFitAsync(page, 4);
            Assert.Equal(1, await page.Locator("figure > svg#chart-supply-demand").CountAsync());
            await CheckAccessibilityAsync(page);
            // A screenshot of any part of a sample run's page shows the banner: it stays at the top as the page scrolls.
            await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
            Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > height, "the page is taller than the viewport");
            Assert.InRange(await page.EvaluateAsync<double>("() => document.getElementById('sample-banner').getBoundingClientRect().top"), -0.5, 0.5);

            // gap/gap.svg on its own, as it is downloaded: the same chart, its texts inside its box.
            await page.GotoAsync(storeUri + RunPublisher.RunFolder(outcome.RunId) + "/gap/gap.svg");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artefacts, $"gap-svg-{name}-{width}x{height}.png") });
            await CheckChartsFitAsync(page, 1);
            Assert.Empty(errors);
            Assert.Empty(outside);
            await page.CloseAsync();
        }
    }

    /// <summary>The Chromium to drive: the setting test.sh exports, else chromium on the PATH; none fails the test with the remedy.</summary>
    private static string Chromium()
    {
        var configured = Environment.GetEnvironmentVariable(ChromiumSetting);
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
        {
            return configured;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "chromium")).FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException(
            $"No Chromium: the browser test needs Debian's chromium package. Run ./test.sh (it installs it with apt-get install -y chromium), or install it and set {ChromiumSetting} to its executable.");
    }

    /// <summary>sha256 of every file the run's data package lists, by its path relative to the run.</summary>
    private static Dictionary<string, string> ResourceHashes(string runFolder)
    {
        var package = TestPipeline.ReadJson(Path.Combine(runFolder, "datapackage.json"));
        return package.GetProperty("resources").EnumerateArray()
            .ToDictionary(r => r.GetProperty("path").GetString()!, r => r.GetProperty("sha256").GetString()!, StringComparer.Ordinal);
    }

    /// <summary>Every link inside the store leads to a published file (listed ones with their sha256) or an anchor of the page.</summary>
    private static async Task CheckLinksAsync(IPage page, string storeUri, string runFolder, Dictionary<string, string> hashes)
    {
        var links = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)");
        var ids = await page.EvalOnSelectorAllAsync<string[]>("[id]", "nodes => nodes.map(n => n.id)");
        var runUri = new Uri(Path.GetFullPath(runFolder) + Path.DirectorySeparatorChar).AbsoluteUri;
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            if (link.StartsWith("https://", StringComparison.Ordinal) || link.StartsWith("http://", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.StartsWith(storeUri, link, StringComparison.Ordinal);
            var uri = new Uri(link);
            if (uri.Fragment.Length > 1 && link.StartsWith(page.Url, StringComparison.Ordinal))
            {
                Assert.Contains(uri.Fragment[1..], ids);
                continue;
            }

            var file = uri.LocalPath;
            Assert.True(File.Exists(file), $"{link} resolves to no published file");
            if (link.StartsWith(runUri, StringComparison.Ordinal) && hashes.TryGetValue(link[runUri.Length..], out var sha256))
            {
                Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))));
            }
        }
    }

    private static async Task CheckCardsAsync(IPage page, List<string> scenarios)
    {
        var cards = await page.EvalOnSelectorAllAsync<string[]>("li.card", "cards => cards.map(c => c.dataset.scenario)");
        Assert.Equal(scenarios.Order(StringComparer.Ordinal), cards.Order(StringComparer.Ordinal));
    }

    /// <summary>Every text of every chart, legends included, lies inside the chart's viewBox: nothing is cut.</summary>
    private static async Task CheckChartsFitAsync(IPage page, int expectedCharts)
    {
        // In the SVG's own units against its viewBox (getBBox; a rotated axis title is measured on the
        // screen instead, against the box the SVG is drawn in, as getBBox ignores the rotation).
        var overflows = await page.EvalOnSelectorAllAsync<string[]>("svg", """
            svgs => svgs.flatMap(svg => {
              const box = svg.viewBox.baseVal;
              const drawn = svg.getBoundingClientRect();
              return [...svg.querySelectorAll('text')].map(t => {
                if (t.hasAttribute('transform')) {
                  const r = t.getBoundingClientRect();
                  return r.left < drawn.left - 0.5 || r.top < drawn.top - 0.5 || r.right > drawn.right + 0.5 || r.bottom > drawn.bottom + 0.5
                    ? `${svg.id}: '${t.textContent}' drawn at ${r.left},${r.top}-${r.right},${r.bottom} outside ${drawn.left},${drawn.top}-${drawn.right},${drawn.bottom}` : null;
                }
                const b = t.getBBox();
                return b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.width + 0.5 || b.y + b.height > box.y + box.height + 0.5
                  ? `${svg.id}: '${t.textContent}' at ${b.x},${b.y} ${b.width}x${b.height} outside ${box.width}x${box.height}` : null;
              }).filter(p => p !== null);
            })
            """);
        Assert.Empty(overflows);
        var charts = await page.EvalOnSelectorAllAsync<int>("svg.chart", "svgs => svgs.filter(s => s.getAttribute('role') === 'img' && s.querySelector('title') && s.querySelector('desc') && s.querySelector('g.legend')).length");
        Assert.True(charts >= expectedCharts, $"{charts} charts with a title, description and legend");
    }

    private static async Task CheckAccessibilityAsync(IPage page)
    {
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        var levels = await page.EvalOnSelectorAllAsync<int[]>("h1, h2, h3, h4, h5, h6", "hs => hs.map(h => Number(h.tagName[1]))");
        for (var i = 1; i < levels.Length; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"heading h{levels[i]} follows h{levels[i - 1]}");
        }

        var tablesWithoutHeaders = await page.EvalOnSelectorAllAsync<int>("table", "ts => ts.filter(t => !t.querySelector('th')).length");
        Assert.Equal(0, tablesWithoutHeaders);
        var sideways = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(sideways <= 0, $"the page scrolls {sideways}px sideways");
    }
}
