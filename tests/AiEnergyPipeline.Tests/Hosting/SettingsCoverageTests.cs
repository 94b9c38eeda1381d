using AiEnergyPipeline.Hosting;
using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Sources.Ember;
using AiEnergyPipeline.TestKit;
using AiEnergyPipeline.Tests.Infra;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using System.Reflection;

namespace AiEnergyPipeline.Tests.Hosting;

/// <summary>
/// The bad-value table must keep up with the settings: a key added to the sample, a property added
/// to a registered options class or a rule added without a bad-value case fails here.
/// </summary>
public class SettingsCoverageTests
{
    private static readonly HashSet<string> Covered = BadSettings.All.Select(b => b.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static List<ISettingRules> RegisteredRules()
    {
        using var services = new ServiceCollection().AddLogging().AddAiEnergyPipeline(SettingsSample.With()).BuildServiceProvider();
        return services.GetServices<ISettingRules>().ToList();
    }

    /// <summary>Each settable property in its environment-variable form; list entries as index 0.</summary>
    private static IEnumerable<string> KeysOf(Type options, string section)
    {
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = SettingKey.Of(section, property.Name);
            var element = property.PropertyType.IsArray ? property.PropertyType.GetElementType()! : null;
            if (element is null)
            {
                yield return key;
            }
            else if (element == typeof(string))
            {
                yield return key + "__0";
            }
            else
            {
                foreach (var inner in KeysOf(element, ""))
                {
                    yield return $"{key}__0__{inner}";
                }
            }
        }
    }

    [Fact]
    public void BadSettings_EveryKeyOfTheSample_HasACase()
    {
        var missing = SettingsSample.Values().Keys.Where(k => !Covered.Contains(k)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void BadSettings_EveryPropertyOfARegisteredOptionsClass_HasACase()
    {
        // The top-level settings have names of their own (INGEST_SCHEDULE, ...): the sample test covers them.
        var missing = RegisteredRules()
            .Where(r => r.Section.Length > 0)
            .SelectMany(r => KeysOf(r.OptionsType, r.Section))
            .Where(k => !Covered.Contains(k))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void BadSettings_EveryRule_HasACase()
    {
        var missing = RegisteredRules()
            .SelectMany(r => r.Rules)
            .Select(r => r.Key.Replace("{i}", "0", StringComparison.Ordinal))
            .Where(k => !Covered.Contains(k))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void AddAiEnergyPipeline_EveryOptionsClassOfThePipeline_HasRules()
    {
        var services = new ServiceCollection().AddLogging().AddAiEnergyPipeline(SettingsSample.With());
        var ruled = RegisteredRules().Select(r => r.OptionsType).ToHashSet();

        // Every options type the pipeline configures from settings (its own assembly's), found by its IConfigureOptions registration.
        var configured = services
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t.Assembly == typeof(SettingRules<>).Assembly)
            .Distinct()
            .ToList();

        Assert.NotEmpty(configured);
        Assert.DoesNotContain(configured, t => !ruled.Contains(t));
    }

    [Fact]
    public void Docs_EveryRule_IsInTheSettingsReference()
    {
        var rows = SettingsReference.Rows();

        var missing = RegisteredRules()
            .SelectMany(r => r.Rules)
            .Select(r => r.Key.Replace("{i}", "0", StringComparison.Ordinal))
            .Where(k => !rows.Contains(k))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Docs_EverySettingOfTheSampleAndOfTheInfra_HasARowInTheSettingsReference()
    {
        var infra = BicepAppSettings.Names();
        var named = SettingsSample.Values().Keys.Concat(infra).Distinct(StringComparer.Ordinal).ToList();
        var rows = SettingsReference.Rows();

        var missing = named.Where(k => !rows.Contains(k)).ToList();

        // The app settings of infra/ were found: those only the deployment sets among them.
        Assert.Contains("AZURE_CLIENT_ID", infra);
        Assert.Contains("AzureWebJobsStorage__accountName", infra);
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("1", "00:00:00", "00:00:00.5", "00:00:00.5")]
    [InlineData("20", "00:10:00", "01:00:00", "1.00:00:00")]
    public void ResilienceOptions_TheEndsOfEveryRange_PassTheResilienceHandlersOwnValidation(string retries, string delay, string attempt, string total)
    {
        var configuration = SettingsSample.With(new Dictionary<string, string?>
        {
            ["Sources:Http:MaxRetries"] = retries,
            ["Sources:Http:RetryDelay"] = delay,
            ["Sources:Http:AttemptTimeout"] = attempt,
            ["Sources:Http:TotalTimeout"] = total,
        });
        using var services = new ServiceCollection().AddLogging().AddAiEnergyPipeline(configuration).BuildServiceProvider();
        StartupValidation.ThrowIfInvalid(services);

        // The standard handler's options are named after the client; creating them runs its validators.
        var resilience = services.GetRequiredService<IOptionsMonitor<HttpStandardResilienceOptions>>().Get($"{nameof(EmberSource)}-standard");

        Assert.Equal(TimeSpan.Parse(attempt, System.Globalization.CultureInfo.InvariantCulture), resilience.AttemptTimeout.Timeout);
    }
}
