using AiEnergyPipeline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Functions;

/// <summary>
/// The Functions app's services over a fresh Azurite container, with a clock the test moves.
/// The Functions host cannot run here, so tests create the function classes from these services
/// and call them directly, as the host would.
/// </summary>
internal sealed class FunctionsHost : IAsyncDisposable
{
    private FunctionsHost(ServiceProvider services, FakeTimeProvider time, CapturedLogs logs)
    {
        Services = services;
        Time = time;
        Logs = logs;
    }

    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }
    public CapturedLogs Logs { get; }

    /// <param name="extra">More settings, in configuration form ("Health:MaxDataAge").</param>
    public static FunctionsHost Create(string? snapshot = null, string? container = null, IDictionary<string, string?>? extra = null)
    {
        var settings = TestPipeline.BlobStore(container ?? Azurite.NewContainer().Name);
        if (snapshot is not null)
        {
            settings["Pipeline:SnapshotPath"] = snapshot;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var time = new FakeTimeProvider(TestPipeline.Now);
        var logs = new CapturedLogs();
        return new FunctionsHost(TestPipeline.Build(settings, time, logs), time, logs);
    }

    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    public HttpRequest Get(string query = "") =>
        new DefaultHttpContext { RequestServices = Services, Request = { Method = "GET", QueryString = new QueryString(query) } }.Request;

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
