using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Hosting.Validation.Rules;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Ember;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.Hosting;

public static class EmberRegistration
{
    /// <summary>Ember's yearly release, normalised into country_capacity.</summary>
    public static SourceSetup AddEmber(this SourceSetup setup)
    {
        setup.AddOptions<EmberOptions>(EmberOptions.Section).ValidateSettings<EmberOptions, EmberSettingsRules>();
        setup.AddSource<EmberSource>();
        setup.Services.AddSingleton<INormaliser, EmberNormaliser>();
        return setup;
    }
}
