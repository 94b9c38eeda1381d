using AiEnergyPipeline.Functions;
using AiEnergyPipeline.IntegrationTests.Infrastructure;

namespace AiEnergyPipeline.IntegrationTests.Functions.Contract;

/// <summary>
/// An Azurite container with the bundled sample run published once (run 20261127T060000Z-55e562),
/// shared by the examples that only read: an ingest per example would be most of the time spent.
/// </summary>
public sealed class PublishedSampleStore : IAsyncLifetime
{
    public string Container { get; } = Azurite.NewContainer().Name;

    public async Task InitializeAsync()
    {
        await using var host = FunctionsHost.Create(container: Container);
        await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
