using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.TestKit;
using Microsoft.Extensions.Logging;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Tests.Infra;

/// <summary>
/// The action group and the three log alerts of infra/modules/alerts.bicep, on the compiled template:
/// where they send, what they watch, and that every text a query matches is text the app logs.
/// </summary>
public partial class AlertsTemplateTests
{
    private static readonly string[] RuleNames = ["alert-run-failed", "alert-source-failing", "alert-data-stale"];

    private static IReadOnlyList<ArmResource> OfType(string type) => [.. ArmTemplate.Resources().Where(r => r.Type == type)];

    private static ArmResource Rule(string name) => Assert.Single(OfType("Microsoft.Insights/scheduledQueryRules"), r => (string?)r.Resource["name"] == name);

    private static ArmResource Deployment(string name) => Assert.Single(OfType("Microsoft.Resources/deployments"), d => (string?)d.Resource["name"] == name);

    /// <summary>A rule's query as written: a variable of its template, plain or inside format().</summary>
    private static string Query(string rule)
    {
        var alert = Rule(rule);
        var reference = (string)alert.Property("properties.criteria.allOf")![0]!["query"]!;
        var variable = VariableReference().Match(reference).Groups[1].Value;
        return (string)alert.Scope.Template["variables"]![variable]!;
    }

    /// <summary>Every message template the library logs with, and the failed run's sentence (logged as "{Message}").</summary>
    private static List<string> LoggedTexts()
    {
        var templates = typeof(FailedRunRecorder).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>()?.Message)
            .OfType<string>()
            .ToList();
        templates.Add(FailedRunRecorder.Message("Run {RunId}", "{Error}"));
        return templates;
    }

    [Fact]
    public void ActionGroup_Email_ComesFromTheAlertEmailParameterThatAzdSets()
    {
        var group = Assert.Single(OfType("Microsoft.Insights/actionGroups"));
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "infra", "main.parameters.json")))!["parameters"]!;

        var receivers = (string)group.Property("properties.emailReceivers")!;

        Assert.Contains("'emailAddress', parameters('alertEmail')", receivers, StringComparison.Ordinal);
        Assert.Equal("[parameters('alertEmail')]", (string?)Deployment("alerts").Property("properties.parameters.alertEmail.value"));
        Assert.Equal("${ALERT_EMAIL}", (string?)parameters["alertEmail"]!["value"]);
        Assert.True(group.Property("properties.enabled")!.GetValue<bool>());
    }

    [Fact]
    public void AlertRules_All_WatchApplicationInsightsHourlyAndNotifyTheActionGroup()
    {
        var rules = OfType("Microsoft.Insights/scheduledQueryRules");

        Assert.Equal(RuleNames.Order(StringComparer.Ordinal), rules.Select(r => (string)r.Resource["name"]!).Order(StringComparer.Ordinal));
        Assert.All(rules, rule =>
        {
            Assert.Equal("LogAlert", (string?)rule.Resource["kind"]);
            Assert.True(rule.Property("properties.enabled")!.GetValue<bool>());
            Assert.Equal("[resourceId('Microsoft.Insights/components', parameters('appInsightsName'))]", (string?)rule.Property("properties.scopes")![0]);
            Assert.Equal(["[resourceId('Microsoft.Insights/actionGroups', parameters('actionGroupName'))]"], rule.Property("properties.actions.actionGroups")!.AsArray().Select(a => (string?)a));
            Assert.Equal("PT1H", (string?)rule.Property("properties.evaluationFrequency"));
            var condition = rule.Property("properties.criteria.allOf")![0]!;
            Assert.Equal(("Count", "GreaterThan", 0), ((string?)condition["timeAggregation"], (string?)condition["operator"], condition["threshold"]!.GetValue<int>()));
        });
        Assert.Contains("outputs.applicationInsightsName.value", (string?)Deployment("alerts").Property("properties.parameters.appInsightsName.value"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alert-run-failed")]
    [InlineData("alert-source-failing")]
    [InlineData("alert-data-stale")]
    public void AlertQuery_EveryTextItMatches_IsTextTheAppLogs(string rule)
    {
        var logged = LoggedTexts();

        var literals = Quoted().Matches(Query(rule)).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(literals);
        Assert.All(literals, literal => Assert.True(logged.Any(t => t.Contains(literal, StringComparison.Ordinal)), $"no log line of the app contains \"{literal}\""));
    }

    [Fact]
    public void AlertQueries_Thresholds_AreTheParametersThatSetTheHealthSettings()
    {
        var app = Deployment("functionApp");
        var alerts = Deployment("alerts");
        var main = ArmTemplate.Root["parameters"]!;

        Assert.Contains("parameters('maxConsecutiveSourceFailures')", Query("alert-source-failing"), StringComparison.Ordinal);
        Assert.Contains("parameters('maxDataAgeHours')", Query("alert-data-stale"), StringComparison.Ordinal);
        foreach (var name in new[] { "maxDataAgeHours", "maxConsecutiveSourceFailures" })
        {
            Assert.Equal($"[parameters('{name}')]", (string?)app.Property($"properties.parameters.{name}.value"));
            Assert.Equal($"[parameters('{name}')]", (string?)alerts.Property($"properties.parameters.{name}.value"));
        }

        var defaults = new HealthOptions();
        var hours = main["maxDataAgeHours"]!["defaultValue"]!.GetValue<int>();
        Assert.Equal(defaults.MaxDataAge, TimeSpan.FromHours(hours));
        Assert.Equal(defaults.MaxConsecutiveFailures, main["maxConsecutiveSourceFailures"]!["defaultValue"]!.GetValue<int>());
        // A log alert looks back two days at most: the stale-data rule must be able to see the threshold.
        Assert.True(main["maxDataAgeHours"]!["maxValue"]!.GetValue<int>() < 48);
        Assert.Equal("P2D", (string?)Rule("alert-data-stale").Property("properties.overrideQueryTimeRange"));
    }

    [Fact]
    public void HealthMaxDataAge_DeployedValue_IsTheParameterAsADuration()
    {
        var app = Assert.Single(OfType("Microsoft.Web/sites"));
        var setting = app.Property("properties.siteConfig.appSettings")!.AsArray().Single(s => (string?)s!["name"] == "Health__MaxDataAge")!["value"];

        Assert.Equal("[format('{0}.{1}:00:00', div(parameters('maxDataAgeHours'), 24), padLeft(string(mod(parameters('maxDataAgeHours'), 24)), 2, '0'))]", (string?)setting);
        // The expression worked out on main.bicep's default: the app's own default, so that the alert and /api/health agree.
        var hours = (int)ArmTemplate.Root["parameters"]!["maxDataAgeHours"]!["defaultValue"]!;
        Assert.Equal(new HealthOptions().MaxDataAge.ToString(), $"{hours / 24}.{hours % 24:00}:00:00");
    }

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex VariableReference();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Quoted();
}
