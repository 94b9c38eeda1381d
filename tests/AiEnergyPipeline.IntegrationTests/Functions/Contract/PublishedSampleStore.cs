using AiEnergyPipeline.Functions;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Publish;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.IntegrationTests.Functions.Contract;

/// <summary>
/// An Azurite container with the bundled sample run published once, shared by the examples that
/// only read: an ingest per example would be most of the time spent. <see cref="RunId"/> is the id
/// that run got: it changes with the sample's inputs and the model version, so the examples' own id
/// (<see cref="DocumentedRunId"/>) stands for it.
/// </summary>
public sealed class PublishedSampleStore : IAsyncLifetime
{
    /// <summary>The run id the document's examples show.</summary>
    public const string DocumentedRunId = "20261127T060000Z-55e562";

    public string Container { get; } = Azurite.NewContainer().Name;

    public string RunId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await using var host = FunctionsHost.Create(container: Container);
        await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None);
        var (latest, _) = await host.Services.GetRequiredService<RunPublisher>().ReadLatestAsync(CancellationToken.None);
        RunId = latest?.RunId ?? throw new InvalidOperationException("the sample ingest published no run");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
