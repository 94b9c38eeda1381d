using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Tests.Fetch;

public class FetchedFileTests
{
    private static FetchedFile File(InputOrigin origin, bool alreadyArchived, bool notModified) =>
        new("eia930_bulk", "x.csv", "raw/x.csv", "ab", 10, "https://example.invalid/x.csv", DateTimeOffset.UnixEpoch, null, null, "/tmp/x.csv", alreadyArchived, notModified, origin);

    [Theory]
    [InlineData(InputOrigin.Fetched, false, false, "downloaded and archived")]
    [InlineData(InputOrigin.Fetched, true, false, "downloaded, the same bytes were already archived")]
    [InlineData(InputOrigin.Fetched, true, true, "not modified (304), the archived copy is used")]
    [InlineData(InputOrigin.Recorded, false, false, "replayed from a recorded snapshot and archived")]
    [InlineData(InputOrigin.Sample, true, false, "read from the bundled snapshot, the same bytes were already archived (a sample file, not real data)")]
    public void Outcome_EachWayAFetchEnds_SaysItInWordsWithTheOrigin(InputOrigin origin, bool alreadyArchived, bool notModified, string expected) =>
        Assert.Equal(expected, File(origin, alreadyArchived, notModified).Outcome);
}
