using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Sources.Ember;

/// <summary>
/// Ember's yearly electricity data (capacity by country and fuel), one CSV file of about 50 MB,
/// streamed straight into the raw archive: it is never held in memory.
/// </summary>
public sealed partial class EmberSource(
    HttpClient http,
    IOptions<EmberOptions> options,
    SecretRedactor redactor,
    TimeProvider time,
    ILogger<EmberSource> logger) : ISource
{
    public const string SourceName = SourceNames.Ember;

    /// <summary>The file name when the URL's path does not end in one.</summary>
    public const string DefaultFileName = "ember.csv";

    public string Name => SourceName;

    public IReadOnlyList<SourceEndpoint> Endpoints =>
        [new(SourceEndpoint.SettingOf(EmberOptions.Section, nameof(EmberOptions.Url)), redactor.RedactUrl(options.Value.Url))];

    public SourceCitation Citation { get; } = new("Ember, Yearly Electricity Data (installed capacity by country and fuel)", Licences.EmberCcBy4, Licences.EmberSample);

    public async Task<IReadOnlyList<FetchedFile>> FetchAsync(RawArchive archive, CancellationToken cancellationToken)
    {
        var url = options.Value.Url;
        var name = FileNameOf(url);
        LogFetching(name, redactor.RedactUrl(url));
        var file = await new HttpFileFetcher(http, redactor, time).FetchAsync(Name, url, name, "csv", archive, cancellationToken, HeadChecks.NotEmptyOrHtml);
        LogFetched(name, file.Bytes, file.AlreadyArchived);
        return [file];
    }

    /// <summary>The last segment of the URL's path, such as yearly_full_release_long_format.csv.</summary>
    public static string FileNameOf(Uri url)
    {
        var name = Uri.UnescapeDataString(url.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        return name.Length > 0 ? name : DefaultFileName;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ember: fetching {File} from {Url}")]
    private partial void LogFetching(string file, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "ember: {File}: {Bytes} bytes, already archived: {AlreadyArchived}")]
    private partial void LogFetched(string file, long bytes, bool alreadyArchived);
}
