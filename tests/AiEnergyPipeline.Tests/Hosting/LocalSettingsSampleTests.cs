using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Hosting;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Pipeline.Sweep;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Sources.Ember;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NCrontab;
using System.Reflection;
using System.Text.Json;

namespace AiEnergyPipeline.Tests.Hosting;

/// <summary>local.settings.sample.json is the list of settings users copy: it must be complete and safe.</summary>
public class LocalSettingsSampleTests
{
    private static readonly (Type Options, string Section)[] OptionTypes =
    [
        (typeof(PipelineOptions), PipelineOptions.Section),
        (typeof(PublishedStorageOptions), PublishedStorageOptions.Section),
        (typeof(SourceHttpOptions), SourceHttpOptions.Section),
        (typeof(SourceLimitsOptions), SourceLimitsOptions.Section),
        (typeof(AiEnergyPipeline.Tables.ParquetOutputOptions), AiEnergyPipeline.Tables.ParquetOutputOptions.Section),
        (typeof(Eia930ApiOptions), Eia930ApiOptions.Section),
        (typeof(Eia930BulkOptions), Eia930BulkOptions.Section),
        (typeof(CuratedOptions), CuratedOptions.Section),
        (typeof(Eia860mOptions), Eia860mOptions.Section),
        (typeof(EmberOptions), EmberOptions.Section),
        (typeof(QueuesOptions), QueuesOptions.Section),
        (typeof(IngestOptions), IngestOptions.Section),
        (typeof(IngestQueueOptions), IngestQueueOptions.Section),
        (typeof(AiEnergyPipeline.Pipeline.Sweep.SweepOptions), AiEnergyPipeline.Pipeline.Sweep.SweepOptions.Section),
        (typeof(AiEnergyPipeline.Datasets.HealthOptions), AiEnergyPipeline.Datasets.HealthOptions.Section),
        (typeof(TelemetryOptions), TelemetryOptions.Section),
    ];

    private static Dictionary<string, string> Values()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "local.settings.sample.json")));
        return document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    private static IEnumerable<(string Key, bool IsList)> Settings() =>
        from o in OptionTypes
        from p in o.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        where p.CanWrite && !(o.Options == typeof(Eia930ApiOptions) && p.Name == nameof(Eia930ApiOptions.ApiKey))
        select (o.Section.Replace(":", "__", StringComparison.Ordinal) + "__" + p.Name, p.PropertyType.IsArray);

    [Fact]
    public void Sample_EveryScalarSettingTheCodeReads_IsListed()
    {
        var values = Values();

        var missing = Settings().Where(s => !s.IsList && !values.ContainsKey(s.Key)).Select(s => s.Key).ToList();

        Assert.Empty(missing);
        Assert.Contains(PipelineServiceCollectionExtensions.EiaApiKeySetting, values.Keys);
        Assert.Contains("INGEST_SCHEDULE", values.Keys);
        Assert.Contains("SWEEP_SCHEDULE", values.Keys);
        Assert.Contains(IngestQueueOptions.QueueNameSetting, values.Keys);
        Assert.Contains(IngestQueueOptions.Section, values.Keys);
    }

    [Fact]
    public void Docs_EveryListSetting_IsDocumentedWithItsIndexForm()
    {
        var reference = File.ReadAllText(SettingsReference.Path);

        var missing = Settings().Where(s => s.IsList && !reference.Contains(s.Key + "__0", StringComparison.Ordinal)).Select(s => s.Key).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Sample_IngestSchedule_IsASixFieldNcrontabThatFiresDaily()
    {
        var schedule = CrontabSchedule.Parse(Values()["INGEST_SCHEDULE"], new CrontabSchedule.ParseOptions { IncludingSeconds = true });

        var start = new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(
            [start.AddHours(6), start.AddDays(1).AddHours(6)],
            schedule.GetNextOccurrences(start, start.AddDays(2)));
    }

    [Fact]
    public void Sample_SweepSchedule_IsASixFieldNcrontabThatFiresDaily()
    {
        var schedule = CrontabSchedule.Parse(Values()["SWEEP_SCHEDULE"], new CrontabSchedule.ParseOptions { IncludingSeconds = true });

        var start = new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(2, schedule.GetNextOccurrences(start, start.AddDays(2)).Count());
    }

    [Fact]
    public void Sample_AsConfiguration_ComposesThePipelineWithBlankSettingsMeaningDefaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Values().ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value))
            .Build();
        var services = new ServiceCollection().AddLogging().AddAiEnergyPipeline(configuration).BuildServiceProvider();

        Assert.NotNull(services.GetRequiredService<IngestPipeline>());
        var api = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Eia930ApiOptions>>().Value;
        Assert.Equal(250, api.PageLength);
        Assert.Equal("snapshot-no-key-needed", api.ApiKey);
        var eia860m = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Eia860mOptions>>().Value;
        Assert.Equal(("2026-08", 6), (eia860m.Month, eia860m.MonthsBack));
        // Locally the runs stay in-process: the queue is needed only when fan-out is switched on.
        Assert.False(services.GetRequiredService<IngestRunner>().UsesQueue);
        Assert.Equal(IngestQueueOptions.DefaultQueueName, FanOutRegistration.CreateQueue(configuration).Client.Name);
    }
}
