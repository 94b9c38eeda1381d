using AiEnergyPipeline.Fetch;
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
        setup.Services.AddHttpClient(nameof(QueuesSource)).ConfigureHttpClient(http => http.DefaultRequestHeaders.UserAgent.ParseAdd(QueuesSource.UserAgent))
            // ISO-NE's queue page sets a cookie in a redirect and loops until it comes back: this
            // client keeps cookies along each request's redirects, and for that request alone.
            // Innermost (added after the resilience handler), so each attempt starts without cookies;
            // an offline run's snapshot handler is left as it is.
            .ConfigurePrimaryHttpMessageHandler((primary, _) => RedirectCookiesHandler.TakeOverRedirects(primary))
            .AddHttpMessageHandler(() => new RedirectCookiesHandler());
        setup.Services.AddSingleton<INormaliser, QueuesNormaliser>();
        return setup;
    }
}
