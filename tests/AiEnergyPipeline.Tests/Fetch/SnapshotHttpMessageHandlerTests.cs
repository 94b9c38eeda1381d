using AiEnergyPipeline.Fetch;
using System.Net;
using System.Net.Http.Headers;

namespace AiEnergyPipeline.Tests.Fetch;

public class SnapshotHttpMessageHandlerTests
{
    private const string Url = "https://data.example.org/files/report.csv";

    [Fact]
    public async Task SendAsync_SampleRoute_AnswersWithoutValidatorsAndSaysSample()
    {
        using var client = new HttpClient(new SnapshotHttpMessageHandler(Write("sample", SampleOfExample)));

        using var response = await client.GetAsync(Url);
        var provenance = SourceProvenance.Of(response, Url, DateTimeOffset.UnixEpoch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Equal("a,b\n1,2\n", await response.Content.ReadAsStringAsync());
        Assert.Equal(InputOrigin.Sample, provenance.Origin);
        Assert.Equal("snapshot/files/report.csv", provenance.Url);
        // What it imitates, by name and documentation page: never the address the request went to.
        Assert.Equal(new SampleOf("The Example Report", "Example Agency", "https://agency.example.org/report/about"), provenance.SampleOf);
        Assert.Null(provenance.ETag);
    }

    [Fact]
    public async Task SendAsync_SampleOfAsAName_ImitatesThatDatasetAndNamesNoAddress()
    {
        using var client = new HttpClient(new SnapshotHttpMessageHandler(Write("sample", """ "sample_of": "The Example Report", """)));

        using var response = await client.GetAsync(Url);

        Assert.Equal(new SampleOf("The Example Report"), SourceProvenance.Of(response, Url, DateTimeOffset.UnixEpoch).SampleOf);
    }

    [Theory]
    [InlineData(""" "sample_of": {"publisher": "Example Agency"}, """, "no dataset")]
    [InlineData(""" "sample_of": {"dataset": "The Example Report", "url": "https://data.example.org/files/report.csv"}, """, "unknown field 'url'")]
    [InlineData(""" "sample_of": 3, """, "must be the dataset's name or an object")]
    public void Load_SampleOfNamingNoDatasetOrAFileAddress_FailsNamingTheField(string sampleOf, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => Write("sample", sampleOf));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RecordedRoute_ServesTheRecordedValidatorsAndAnswers304WhenTheyMatch()
    {
        using var client = new HttpClient(new SnapshotHttpMessageHandler(Write("recorded", "", """ "etag": "\"v1\"", "last_modified": "Tue, 01 Sep 2026 10:00:00 GMT", "recorded_at": "2026-09-02T08:00:00+00:00", """)));

        using var whole = await client.GetAsync(Url);
        var provenance = SourceProvenance.Of(whole, Url, DateTimeOffset.UnixEpoch);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, Url);
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"v1\""));
        using var notModified = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("\"v1\"", whole.Headers.ETag?.ToString());
        Assert.Equal(InputOrigin.Recorded, provenance.Origin);
        Assert.Equal(Url, provenance.Url);
        Assert.Equal(new DateTimeOffset(2026, 9, 2, 8, 0, 0, TimeSpan.Zero), provenance.RecordedAtUtc);
        Assert.Equal("Tue, 01 Sep 2026 10:00:00 GMT", provenance.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData("\"v2\"", "Mon, 31 Aug 2026 10:00:00 GMT", HttpStatusCode.NotModified)]
    [InlineData("W/\"v2\"", null, HttpStatusCode.NotModified)]
    [InlineData("\"v1\"", "Tue, 01 Sep 2026 10:00:00 GMT", HttpStatusCode.OK)]
    [InlineData("\"v1\"", "Wed, 02 Sep 2026 10:00:00 GMT", HttpStatusCode.OK)]
    public async Task SendAsync_IfNoneMatchPresent_DecidesAloneWhateverIfModifiedSinceSays(string ifNoneMatch, string? ifModifiedSince, HttpStatusCode expected)
    {
        // The file changed since "v1" within the same second: a new ETag, the same Last-Modified.
        using var client = new HttpClient(new SnapshotHttpMessageHandler(Write("recorded", "", """ "etag": "\"v2\"", "last_modified": "Tue, 01 Sep 2026 10:00:00 GMT", """)));
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        request.Headers.IfModifiedSince = ifModifiedSince is null ? null : DateTimeOffset.Parse(ifModifiedSince, System.Globalization.CultureInfo.InvariantCulture);

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("\"v2\"", response.Headers.ETag?.ToString());
        Assert.Equal(expected == HttpStatusCode.OK ? "a,b\n1,2\n" : "", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Tue, 01 Sep 2026 10:00:00 GMT", HttpStatusCode.NotModified)]
    [InlineData("Wed, 02 Sep 2026 10:00:00 GMT", HttpStatusCode.NotModified)]
    [InlineData("Mon, 31 Aug 2026 10:00:00 GMT", HttpStatusCode.OK)]
    public async Task SendAsync_IfModifiedSinceWithoutIfNoneMatch_DecidesByTheRecordedLastModified(string ifModifiedSince, HttpStatusCode expected)
    {
        using var client = new HttpClient(new SnapshotHttpMessageHandler(Write("recorded", "", """ "etag": "\"v2\"", "last_modified": "Tue, 01 Sep 2026 10:00:00 GMT", """)));
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.IfModifiedSince = DateTimeOffset.Parse(ifModifiedSince, System.Globalization.CultureInfo.InvariantCulture);

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public void Of_LiveResponse_IsFetchedFromItsUrl()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = new HttpRequestMessage(HttpMethod.Get, Url), Content = new StringContent("x") };
        response.Headers.ETag = new EntityTagHeaderValue("\"live\"");

        var provenance = SourceProvenance.Of(response, Url, DateTimeOffset.UnixEpoch);

        Assert.Equal(InputOrigin.Fetched, provenance.Origin);
        Assert.Equal(Url, provenance.Url);
        Assert.Equal("\"live\"", provenance.ETag);
        Assert.Null(provenance.SampleOf);
    }

    [Theory]
    [InlineData("sample", InputOrigin.Sample)]
    [InlineData("recorded", InputOrigin.Recorded)]
    public async Task SendAsync_BodyReadAsItArrives_CarriesTheSnapshotsOriginAsTheArchivedFileWould(string origin, InputOrigin expected)
    {
        // The whole-body handler above the snapshot, as the sources' clients compose them.
        var options = Microsoft.Extensions.Options.Options.Create(new SourceHttpOptions());
        using var invoker = new HttpMessageInvoker(new WholeBodyRetryHandler(options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<WholeBodyRetryHandler>.Instance)
        {
            InnerHandler = new SnapshotHttpMessageHandler(Write(origin, origin == "sample" ? """ "sample_of": "The Example Report", """ : "")),
        });
        var destination = new BodyDestination(Path.Combine(Directory.CreateTempSubdirectory().FullName, "report.csv"));
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Options.Set(BodyDestination.Key, destination);

        using var response = await invoker.SendAsync(request, CancellationToken.None);
        var whileDownloading = FetchedFile.WhileDownloading("example", "report.csv", destination, DateTimeOffset.UnixEpoch);

        Assert.Equal(expected, destination.Origin);
        // A sample's outputs say so in their Parquet footers whichever way the file was read.
        Assert.Equal(expected, whileDownloading.Origin);
        Assert.Equal(SourceProvenance.Of(response, Url, DateTimeOffset.UnixEpoch).Origin, whileDownloading.Origin);
    }

    private const string SampleOfExample =
        """ "sample_of": {"dataset": "The Example Report", "publisher": "Example Agency", "documentation_url": "https://agency.example.org/report/about"}, """;

    private static Snapshot Write(string origin, string indexExtra, string routeExtra = "")
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        Directory.CreateDirectory(Path.Combine(folder, "files"));
        File.WriteAllText(Path.Combine(folder, "files", "report.csv"), "a,b\n1,2\n");
        File.WriteAllText(Path.Combine(folder, Snapshot.IndexFileName),
            $"{{\"origin\": \"{origin}\", {indexExtra} \"routes\": [{{ {routeExtra} \"url\": \"{Url}\", \"query\": {{}}, \"file\": \"files/report.csv\"}}]}}");
        return Snapshot.Load(folder);
    }
}
