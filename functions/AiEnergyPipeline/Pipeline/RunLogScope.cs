using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// The logging scopes of a run, so that every line logged inside it (by any class: the scope is
/// the logger factory's, shared by every category of a provider that reads external scopes, such
/// as the console, OpenTelemetry and the Functions worker) carries the run's ids as properties
/// (<c>PlanId</c>, <c>RunId</c>): one query finds every line of one run. An ingest's plan id is
/// known from its start, on every instance; its run id once the completion has hashed its inputs.
/// </summary>
public static class RunLogScope
{
    private static readonly Func<ILogger, string, IDisposable?> PlanScope = LoggerMessage.DefineScope<string>("plan {PlanId}");
    private static readonly Func<ILogger, string, IDisposable?> RunScope = LoggerMessage.DefineScope<string>("run {RunId}");

    public static IDisposable? Plan(ILogger logger, string planId) => PlanScope(logger, planId);

    public static IDisposable? Run(ILogger logger, string runId) => RunScope(logger, runId);
}
