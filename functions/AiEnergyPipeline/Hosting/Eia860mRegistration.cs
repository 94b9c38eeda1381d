using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Normalise;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.Hosting;

public static class Eia860mRegistration
{
    /// <summary>The EIA-860M monthly generator inventory, normalised into generators.</summary>
    public static SourceSetup AddEia860m(this SourceSetup setup)
    {
        setup.AddOptions<Eia860mOptions>(Eia860mOptions.Section).ValidateSettings<Eia860mOptions, Eia860mSettingsRules>();
        setup.AddSource<Eia860mSource>();
        setup.Services.AddSingleton<INormaliser, Eia860mNormaliser>();
        return setup;
    }
}
