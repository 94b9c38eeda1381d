using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Hosting.Validation.Rules;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.Hosting;

public static class Eia930Registration
{
    /// <summary>EIA-930 bulk files and API pages, normalised into ba_hourly and ba_annual.</summary>
    public static SourceSetup AddEia930(this SourceSetup setup)
    {
        setup.AddOptions<Eia930ApiOptions>(Eia930ApiOptions.Section)
            .Configure(o => o.ApiKey = Settings.ValueOrNull(o.ApiKey) ?? setup.Configuration[PipelineServiceCollectionExtensions.EiaApiKeySetting])
            .ValidateSettings<Eia930ApiOptions, Eia930ApiSettingsRules>();
        setup.AddOptions<Eia930BulkOptions>(Eia930BulkOptions.Section).ValidateSettings<Eia930BulkOptions, Eia930BulkSettingsRules>();
        // Bulk first, so that the normaliser knows which hours the API need not fill.
        setup.AddSource<Eia930BulkSource>().AddSource<Eia930ApiSource>();
        setup.Services.AddSingleton<INormaliser, Eia930Normaliser>();
        setup.Services.AddSingleton<IPartitionNormaliser, BalancePartitions>();
        return setup;
    }
}
