using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.IntegrationTests.Pipeline.Faults;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;
using System.Text;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>
/// A BALANCE partition normalised while its file downloads, in live runs over a real local server
/// publishing to Azurite: a body that arrives in two halves is normalised as it arrives; a body cut
/// off after the normaliser read part of it is normalised again from the archived file; both
/// publish the same ba_hourly and the same quarantine, which names the archived bytes.
/// </summary>
public partial class NormalisationBesideDownloadTests
{
    private const string Bulk = TestPaths.BulkSnapshotFile;
    private const string FileName = "EIA930_BALANCE_2025_Jul_Dec.csv";

    // Long enough that the pauses below are not taken for a stalled body.
    private static readonly Dictionary<string, string?> Patient = new() { ["Sources:Http:BodyIdleTimeout"] = "00:00:05" };

    /// <summary>The sample file with one row the reader quarantines (its balancing authority empty), near its end.</summary>
    private static byte[] WithBadRow(byte[] file)
    {
        var lines = Encoding.UTF8.GetString(file).Split('\n').ToList();
        lines.Insert(lines.Count - 2, lines[1][lines[1].IndexOf(',', StringComparison.Ordinal)..]);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    /// <summary>Half the file, a pause, then the rest, or (<paramref name="cutOff"/>) the connection dropped.</summary>
    private static Fault InHalves(TimeSpan pause, bool cutOff) => new(cutOff ? "half, then cut" : "in halves", async (context, file) =>
    {
        var bytes = WithBadRow(file);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await context.Response.Body.FlushAsync();
        await Task.Delay(pause);
        if (cutOff)
        {
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(bytes.AsMemory(bytes.Length / 2));
    });

    private static Fault Whole { get; } = new("whole, with a bad row", async (context, file) =>
    {
        var bytes = WithBadRow(file);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    });

    /// <summary>The run's ba_hourly parts of the half-year by file name, and its quarantine lines of that file.</summary>
    private static async Task<(Dictionary<string, byte[]> Parts, string[] Quarantine)> PublishedAsync(FaultRun run, string runId)
    {
        var data = $"runs/{runId}/data/";
        var all = await run.ReadAllAsync();
        var parts = all.Where(b => b.Path.StartsWith(data + "ba_hourly/2025_h2.", StringComparison.Ordinal)).ToDictionary(b => b.Path[data.Length..], b => b.Bytes);
        var quarantine = Encoding.UTF8.GetString(all.Single(b => b.Path == data + "quarantine.csv").Bytes).Split('\n').Where(l => l.Contains(FileName, StringComparison.Ordinal)).ToArray();
        return (parts, quarantine);
    }

    /// <summary>The log line saying how the half-year's partition ended.</summary>
    private static string PartitionLine(FaultRun run) => Assert.Single(run.Logs.Lines, l => l.Contains($"({FileName}): Normalised; ", StringComparison.Ordinal));

    [GeneratedRegex("^eia930_bulk,EIA930_BALANCE_2025_Jul_Dec.csv,raw/eia930_bulk/[0-9a-f]{64}\\.csv,[0-9]+,'Balancing Authority' is empty,")]
    private static partial Regex QuarantinedFromTheArchive();

    [Fact]
    public async Task RunAsync_BalanceFileArrivingInHalves_IsNormalisedAsItArrivesWithItsQuarantineNamingTheArchivedBytes()
    {
        await using var server = await FaultServer.StartAsync();
        var run = new FaultRun(server, Azurite.NewContainer());
        server.Script(Bulk, InHalves(TimeSpan.FromMilliseconds(300), cutOff: false));

        var outcome = await run.RunAsync(Patient);

        Assert.True(outcome.Status == RunStatus.Published, outcome.Message);
        Assert.Single(server.RequestsFor(Bulk));
        Assert.Contains("bytes downloaded, normalised as they arrived;", PartitionLine(run), StringComparison.Ordinal);
        var (parts, quarantine) = await PublishedAsync(run, outcome.RunId!);
        Assert.Equal(["ba_hourly/2025_h2.csv", "ba_hourly/2025_h2.parquet"], parts.Keys.Order(StringComparer.Ordinal));
        Assert.Matches(QuarantinedFromTheArchive(), Assert.Single(quarantine));
    }

    [Fact]
    public async Task RunAsync_BodyCutOffAfterTheNormaliserReadHalf_NormalisesTheArchivedFileAndPublishesWhatAWholeDownloadPublishes()
    {
        await using var server = await FaultServer.StartAsync();
        var whole = new FaultRun(server, Azurite.NewContainer());
        server.Script(Bulk, Whole);
        var expected = await whole.RunAsync(Patient);
        var cut = new FaultRun(server, Azurite.NewContainer());
        server.Script(Bulk, InHalves(TimeSpan.FromSeconds(1), cutOff: true), Whole);

        var outcome = await cut.RunAsync(Patient);

        Assert.True(outcome.Status == RunStatus.Published, outcome.Message);
        Assert.Contains("the download started again from its start while it was being read", cut.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("normalised as they arrived", PartitionLine(cut), StringComparison.Ordinal);
        var (expectedParts, expectedQuarantine) = await PublishedAsync(whole, expected.RunId!);
        var (parts, quarantine) = await PublishedAsync(cut, outcome.RunId!);
        Assert.Equal(expectedParts.Keys.Order(StringComparer.Ordinal), parts.Keys.Order(StringComparer.Ordinal));
        Assert.All(expectedParts, p => Assert.Equal(p.Value, parts[p.Key]));
        Assert.Equal(expectedQuarantine, quarantine);
        Assert.Matches(QuarantinedFromTheArchive(), Assert.Single(quarantine));
    }
}
