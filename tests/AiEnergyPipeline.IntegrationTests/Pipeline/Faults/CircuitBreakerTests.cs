using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.Faults;

/// <summary>
/// A source's circuit breaker, opened for real: after 100 failed attempts in its window the
/// standard resilience pipeline stops sending, and the source's failure must still name the file
/// (not escape as an exception nobody described).
/// </summary>
public class CircuitBreakerTests
{
    [Fact]
    public async Task RunAsync_CircuitOpenAfterManyFailures_FailsTheSourceNamingTheFileAndTheOpenCircuit()
    {
        await using var server = await FaultServer.StartAsync();
        var run = new FaultRun(server, Azurite.NewContainer());

        server.Script(TestPaths.BulkSnapshotFile, Fault.Status(500));
        // One provider, so one breaker: 21 attempts a run, and the breaker needs 100 in its window.
        await using var services = run.Services(new Dictionary<string, string?>
        {
            ["Sources:Http:MaxRetries"] = "20",
            ["Sources:Http:RetryDelay"] = "00:00:00",
            // The breaker's window is twice the attempt time-out: long enough to span the runs.
            ["Sources:Http:AttemptTimeout"] = "00:01:00",
            ["Sources:Http:TotalTimeout"] = "00:05:00",
        });

        var errors = new List<string>();
        var requests = new List<int>();
        for (var attempt = 0; attempt < 8 && !errors.Any(e => e.Contains("circuit", StringComparison.OrdinalIgnoreCase)); attempt++)
        {
            var before = server.RequestsFor(TestPaths.BulkSnapshotFile).Count;
            var outcome = await TestPipeline.RunIngestAsync(services);
            Assert.Equal(RunStatus.Failed, outcome.Status);
            errors.Add(outcome.Message);
            requests.Add(server.RequestsFor(TestPaths.BulkSnapshotFile).Count - before);
        }

        var open = Assert.Single(errors, e => e.Contains("circuit", StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"eia930_bulk: {Path.GetFileName(TestPaths.BulkSnapshotFile)}: download failed: ", open, StringComparison.Ordinal);
        // Each run before asked all 21 times; the run that met the open circuit stopped short.
        Assert.All(requests[..^1], r => Assert.Equal(21, r));
        Assert.InRange(requests[^1], 0, 20);
    }
}
