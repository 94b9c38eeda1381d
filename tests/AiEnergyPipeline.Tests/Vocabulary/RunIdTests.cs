using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tests.Vocabulary;

public class RunIdTests
{
    [Fact]
    public void Create_StartAndHash_SortsByTimeAndEndsWithTheHash()
    {
        var early = RunId.Create(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero), "ffffff00");
        // One second later in UTC, given in another offset: the id is in UTC, so it still sorts after.
        var late = RunId.Create(new DateTimeOffset(2026, 11, 27, 8, 0, 1, TimeSpan.FromHours(2)), "000000ff");

        Assert.Equal("20261127T060000Z-ffffff", early);
        Assert.Equal("20261127T060001Z-000000", late);
        Assert.True(RunId.IsValid(early));
        // The hash's ffffff against 000000 does not outweigh the second.
        Assert.True(string.CompareOrdinal(early, late) < 0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("latest")]
    [InlineData("20261127T060000Z-ab12cd/../x")]
    [InlineData("20261127T060000Z-AB12CD")]
    [InlineData("20261127T060000Z-ab12cd\n")]
    public void IsValid_AnythingElse_IsFalse(string? value) => Assert.False(RunId.IsValid(value));
}
