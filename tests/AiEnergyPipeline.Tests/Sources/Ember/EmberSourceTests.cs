using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Ember;

namespace AiEnergyPipeline.Tests.Sources.Ember;

public class EmberSourceTests
{
    [Theory]
    [InlineData("https://files.ember-energy.org/public-downloads/yearly_full_release_long_format.csv", "yearly_full_release_long_format.csv")]
    [InlineData("https://files.ember-energy.org/public-downloads/generation/outputs/release_generation_yearly_global.csv?v=2", "release_generation_yearly_global.csv")]
    [InlineData("http://127.0.0.1:5000/ember%20data.csv", "ember data.csv")]
    [InlineData("http://127.0.0.1:5000/", EmberSource.DefaultFileName)]
    public void FileNameOf_Url_IsTheLastSegmentOfItsPath(string url, string expected)
    {
        Assert.Equal(expected, EmberSource.FileNameOf(new Uri(url)));
    }

    [Fact]
    public void DefaultUrl_IsAnsweredByTheBundledSnapshot()
    {
        var snapshot = Snapshot.Load(Snapshot.DefaultRoot);

        var route = snapshot.Find(new EmberOptions().Url);

        Assert.Equal("ember/yearly_full_release_long_format.csv", route?.File);
        Assert.True(File.Exists(snapshot.FilePath(route!)));
    }
}
