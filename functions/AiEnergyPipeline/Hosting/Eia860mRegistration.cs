using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Hosting.Validation.Rules;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Eia860m;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.Hosting;

public static class Eia860mRegistration
{
    /// <summary>The EIA-860M monthly generator inventory, one partition per monthly vintage, normalised into generators and the tables measured across vintages.</summary>
    public static SourceSetup AddEia860m(this SourceSetup setup)
    {
        setup.AddOptions<Eia860mOptions>(Eia860mOptions.Section).ValidateSettings<Eia860mOptions, Eia860mSettingsRules>();
        setup.AddSource<Eia860mSource>();
        setup.Services.AddSingleton<INormaliser, Eia860mNormaliser>();
        setup.Services.AddSingleton<IPartitionNormaliser, Eia860mVintagePartitions>();
        return setup;
    }
}
