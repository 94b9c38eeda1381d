using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Normalise;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.Hosting;

public static class QueuesRegistration
{
    /// <summary>Interconnection queue files (LBNL workbook, gridstatus CSVs), normalised into queue_projects.</summary>
    public static SourceSetup AddQueues(this SourceSetup setup)
    {
        setup.AddOptions<QueuesOptions>(QueuesOptions.Section);
        setup.AddSource<QueuesSource>();
        setup.Services.AddSingleton<INormaliser, QueuesNormaliser>();
        return setup;
    }
}
