using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.FanOut;

/// <summary>
/// The claims a plan makes once (the timer's occurrence, the hand-over to completion) when the
/// store's answer to the claiming write is lost and the write is retried: the retry meets the claim
/// it made itself and must take it as its own, or the run is never started or never completed.
/// The retry is played as the same claim asked again, which is what the blob client's retry does.
/// </summary>
public class FanOutClaimTests
{
    public static TheoryData<string> Stores() => ["folder", "azurite"];

    private static FanOutWorkState WorkOn(string kind) =>
        new(kind == "folder" ? new FileSystemDatasetStore(TestPaths.NewTempFolder()) : new BlobDatasetStore(Azurite.NewContainer()), TimeProvider.System);

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ClaimCompletionAsync_TheSameClaimantAgain_StillOwnsItAndAnotherDoesNot(string kind)
    {
        var work = WorkOn(kind);

        Assert.True(await work.ClaimCompletionAsync("20261130T000000Z-plan01", "2025_h1 delivery 1 (a1)", CancellationToken.None));
        Assert.True(await work.ClaimCompletionAsync("20261130T000000Z-plan01", "2025_h1 delivery 1 (a1)", CancellationToken.None));
        Assert.False(await work.ClaimCompletionAsync("20261130T000000Z-plan01", "2025_h2 delivery 1 (b2)", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ClaimOccurrenceAsync_TheSamePlanAgain_StillOwnsItAndAnotherPlanIsToldWhichOwnsIt(string kind)
    {
        var work = WorkOn(kind);

        Assert.Null(await work.ClaimOccurrenceAsync("2026-11-30T06-00", "20261130T060000Z-plan01", CancellationToken.None));
        Assert.Null(await work.ClaimOccurrenceAsync("2026-11-30T06-00", "20261130T060000Z-plan01", CancellationToken.None));
        Assert.Equal("20261130T060000Z-plan01", await work.ClaimOccurrenceAsync("2026-11-30T06-00", "20261130T060001Z-plan02", CancellationToken.None));
    }
}
