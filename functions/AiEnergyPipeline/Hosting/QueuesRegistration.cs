using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Hosting.Validation.Rules;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.Hosting;

public static class QueuesRegistration
{
    /// <summary>Interconnection queue files (LBNL workbook, gridstatus CSVs), normalised into queue_projects.</summary>
    public static SourceSetup AddQueues(this SourceSetup setup)
    {
        setup.AddOptions<QueuesOptions>(QueuesOptions.Section).ValidateSettings<QueuesOptions, QueuesSettingsRules>();
        setup.AddSource<QueuesSource>();
        // Some publishers' web servers turn away requests that carry no User-Agent (reported,
        // unverified, for LBNL's file server): say who is asking.
        setup.Services.AddHttpClient(nameof(QueuesSource)).ConfigureHttpClient(http => http.DefaultRequestHeaders.UserAgent.ParseAdd(QueuesSource.UserAgent));
        setup.Services.AddSingleton<INormaliser, QueuesNormaliser>();
        return setup;
    }
}
