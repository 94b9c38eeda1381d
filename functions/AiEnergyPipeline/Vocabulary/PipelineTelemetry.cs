using System.Diagnostics;

namespace AiEnergyPipeline.Vocabulary;

/// <summary>
/// The one ActivitySource of the pipeline, and the names of its spans and tags, low in the layers
/// so that any layer can trace. A run's spans form one trace wherever its parts run: the fan-out's
/// queue messages carry the run span's W3C trace context (<see cref="ParentOf"/> reads it back).
/// Exporters are chosen by the adapters (Hosting's telemetry registration); without a listener,
/// <see cref="Start"/> returns null and costs nothing.
/// </summary>
public static class PipelineTelemetry
{
    /// <summary>The ActivitySource's and the Meter's name: what an OpenTelemetry provider subscribes to.</summary>
    public const string Name = "AiEnergyPipeline";

    public static readonly ActivitySource Source = new(Name, typeof(PipelineTelemetry).Assembly.GetName().Version?.ToString());

    // Span names: a run, then its steps.
    public const string IngestRunSpan = "ingest.run";
    public const string PlanSpan = "ingest.plan";
    public const string PartitionSpan = "ingest.partition";
    public const string CompleteSpan = "ingest.complete";
    public const string FetchSpan = "source.fetch";
    public const string NormaliseSpan = "normalise";
    public const string GapSpan = "gap";
    public const string PublishSpan = "publish";
    public const string RecomputeRunSpan = "recompute.run";

    // Tag names, the same on spans and metrics.
    public const string RunIdTag = "aienergy.run_id";
    public const string PlanIdTag = "aienergy.plan_id";
    public const string TriggerTag = "aienergy.trigger";
    public const string SourceTag = "aienergy.source";
    public const string PartitionTag = "aienergy.partition";
    public const string OutcomeTag = "aienergy.outcome";
    public const string KindTag = "aienergy.run_kind";
    public const string DerivedFromTag = "aienergy.derived_from";

    /// <summary>The OpenTelemetry semantic convention for the class of a failure.</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>Starts a span under the current one (none when nobody listens).</summary>
    public static Activity? Start(string name, ActivityKind kind = ActivityKind.Internal) => Source.StartActivity(name, kind);

    /// <summary>
    /// Starts a span under a parent carried in a message (W3C traceparent and tracestate), linked to
    /// the span current here (the host's invocation), so that a run fanned out over instances is one
    /// trace and each invocation still leads to it. Without a valid parent: under the current span.
    /// </summary>
    public static Activity? StartUnder(string name, string? traceParent, string? traceState, ActivityKind kind = ActivityKind.Consumer)
    {
        if (ParentOf(traceParent, traceState) is not { } parent)
        {
            return Source.StartActivity(name, kind);
        }

        var links = Activity.Current is { } here && here.TraceId != parent.TraceId ? new[] { new ActivityLink(here.Context) } : null;
        return Source.StartActivity(name, kind, parent, links: links);
    }

    /// <summary>The parent context a message carries, or null for none or one that does not parse.</summary>
    public static ActivityContext? ParentOf(string? traceParent, string? traceState) =>
        !string.IsNullOrWhiteSpace(traceParent) && ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : null;

    /// <summary>The W3C traceparent of the current span, to put in a message; null when there is none.</summary>
    public static (string? TraceParent, string? TraceState) CurrentContext() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? (current.Id, current.TraceStateString) : (null, null);

    /// <summary>Marks a span failed: status Error with a description (secrets already removed by the caller), and error.type.</summary>
    public static void Fail(Activity? activity, string errorType, string? description)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, description);
        activity.SetTag(ErrorTypeTag, errorType);
    }

    /// <summary>
    /// For an exception filter (<c>catch (Exception e) when (MarkFailed(span, e))</c>): marks the
    /// span failed by the exception passing through and returns false, so that nothing is caught.
    /// </summary>
    public static bool MarkFailed(Activity? activity, Exception exception)
    {
        Fail(activity, exception);
        return false;
    }

    /// <summary>Marks a span failed by an exception that escapes it (its type is the error type; its message may hold anything, so it is not copied).</summary>
    public static void Fail(Activity? activity, Exception exception) =>
        Fail(activity, exception?.GetType().Name ?? "unknown", null);
}
