using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Hosting.Validation.Rules;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Curated;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.Hosting;

public static class CuratedRegistration
{
    /// <summary>The curated files, normalised into demand_scenarios and assumptions.</summary>
    public static SourceSetup AddCurated(this SourceSetup setup)
    {
        setup.AddOptions<CuratedOptions>(CuratedOptions.Section).ValidateSettings<CuratedOptions, CuratedSettingsRules>();
        // Registered without an HTTP client: the files ship beside the program.
        setup.Services.AddSingleton<CuratedSource>();
        setup.Services.AddTransient<ISource>(sp => sp.GetRequiredService<CuratedSource>());
        setup.Services.AddSingleton<INormaliser, CuratedNormaliser>();
        return setup;
    }
}
