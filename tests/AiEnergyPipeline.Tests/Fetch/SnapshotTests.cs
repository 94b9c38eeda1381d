using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Tests.Fetch;

public class SnapshotTests
{
    private static readonly Snapshot Bundled = Snapshot.Load(Snapshot.DefaultRoot);

    [Theory]
    [InlineData("https://api.eia.gov/v2/electricity/rto/region-data/data/?api_key=x&offset=250&length=250", "eia930/api/region-data.offset-250.json")]
    [InlineData("https://api.eia.gov/v2/electricity/rto/region-data/data?offset=0", "eia930/api/region-data.offset-0.json")]
    [InlineData("https://www.eia.gov/electricity/gridmonitor/sixMonthFiles/EIA930_BALANCE_2025_Jul_Dec.csv", "eia930/bulk/EIA930_BALANCE_2025_Jul_Dec.csv")]
    public void Find_KnownUrl_ReturnsTheRouteOfItsFile(string url, string file)
    {
        var route = Bundled.Find(new Uri(url));

        Assert.NotNull(route);
        Assert.Equal(file, route.File);
        Assert.True(File.Exists(Bundled.FilePath(route)));
    }

    [Theory]
    [InlineData("https://api.eia.gov/v2/electricity/rto/region-data/data/?offset=750")]
    [InlineData("https://www.eia.gov/electricity/gridmonitor/sixMonthFiles/EIA930_BALANCE_2019_Jan_Jun.csv")]
    public void Find_UnknownUrl_ReturnsNull(string url)
    {
        Assert.Null(Bundled.Find(new Uri(url)));
    }

    [Fact]
    public void Load_EveryRoute_PointsAtAFileThatShips()
    {
        Assert.NotEmpty(Bundled.Routes);
        Assert.All(Bundled.Routes, r => Assert.True(File.Exists(Bundled.FilePath(r)), r.File));
    }

    [Fact]
    public void Load_FolderWithoutIndex_FailsNamingTheFile()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Snapshot.Load(Directory.CreateTempSubdirectory().FullName));

        Assert.Contains("snapshot.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Bundled_EveryRouteIsASampleThatNamesWhatItImitatesByItsPublishersDocumentationPage()
    {
        Assert.Equal(Snapshot.SampleOrigin, Bundled.Mode);
        Assert.All(Bundled.Routes, r =>
        {
            Assert.Equal(InputOrigin.Sample, r.InputOrigin);
            Assert.NotNull(r.SampleOf);
            Assert.False(string.IsNullOrWhiteSpace(r.SampleOf.Dataset), r.File);
            Assert.False(string.IsNullOrWhiteSpace(r.SampleOf.Publisher), r.File);
            // The publisher's own page about the dataset: a real one, so never on a host reserved for examples.
            Assert.StartsWith("https://", r.SampleOf.DocumentationUrl, StringComparison.Ordinal);
            Assert.DoesNotContain(".example", new Uri(r.SampleOf.DocumentationUrl!).Host, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("Sources:Queues:Files:0:Url")] // LBNL names each edition's file anew: no fixed address to imitate
    [InlineData("Sources:Queues:Files:5:Url")] // ERCOT's document id of the month is invented
    [InlineData("Sources:Queues:Files:8:Url")] // SPP is not known to publish withdrawn requests alone
    public void Load_Bundled_AddressesItInvents_AreOnHostsReservedForExamples(string setting)
    {
        var url = new Uri(Bundled.Settings[setting]);

        Assert.EndsWith(".example", url.Host, StringComparison.Ordinal);
        Assert.NotNull(Bundled.Find(url));
    }

    [Theory]
    [InlineData("{\"routes\": []}", "must say \"origin\"")]
    [InlineData("{\"origin\": \"real\", \"routes\": []}", "not 'real'")]
    [InlineData("{\"origin\": ", "not a snapshot index")]
    public void Load_IndexWithoutAKnownOrigin_FailsNamingTheFile(string index, string expected)
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(folder, Snapshot.IndexFileName), index);

        var error = Assert.Throws<InvalidDataException>(() => Snapshot.Load(folder));

        Assert.Contains(Path.Combine(folder, Snapshot.IndexFileName), error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
