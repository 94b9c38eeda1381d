using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.Tests.Storage;

public class StorePathTests
{
    [Theory]
    [InlineData("latest.json")]
    [InlineData("runs/20261127T060000Z-ab12cd/data/ba_hourly.csv")]
    [InlineData("raw/eia930_bulk/0123abcd.csv")]
    public void IsValid_PlainRelativePaths_AreAccepted(string path) => Assert.True(StorePath.IsValid(path));

    [Theory]
    [InlineData("")]
    [InlineData("../secrets")]
    [InlineData("runs/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("runs//x")]
    [InlineData("runs/x/")]
    [InlineData("runs\\x")]
    [InlineData(".meta/latest.json")]
    [InlineData("runs/%2e%2e/x")]
    [InlineData("runs/x y")]
    [InlineData("latest.json\n")]
    public void IsValid_TraversalAbsoluteHiddenOrOddCharacters_AreRefused(string path) => Assert.False(StorePath.IsValid(path));

    [Fact]
    public void IsValid_VeryLongPath_IsRefused() => Assert.False(StorePath.IsValid(new string('a', 600)));
}
