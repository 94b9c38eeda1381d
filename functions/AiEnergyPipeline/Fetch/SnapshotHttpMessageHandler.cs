using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// Answers the sources' HTTP requests from the bundled snapshot, so that an offline run goes
/// through exactly the code a live run does (paging, resilience, archiving). Routes come from
/// the snapshot's <c>snapshot.json</c>: a URL (scheme, host and path) and the query parameters
/// that must match, and the file that answers.
/// </summary>
public sealed class SnapshotHttpMessageHandler(Snapshot snapshot) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = request.RequestUri is { } uri ? snapshot.Find(uri) : null;
        if (route is null)
        {
            return NotFound(request, $"The snapshot at {snapshot.Root} has no route for {request.RequestUri?.GetLeftPart(UriPartial.Path)}.");
        }

        var file = snapshot.FilePath(route);
        if (!File.Exists(file))
        {
            return NotFound(request, $"The snapshot file {route.File} is missing from {snapshot.Root}.");
        }

        // An ETag of the file's bytes, as a server with validators sends: an offline run answers
        // conditional requests as a live one does, with 304 and no body for an unchanged file.
        var etag = new System.Net.Http.Headers.EntityTagHeaderValue($"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)))[..32]}\"");
        if (request.Headers.IfNoneMatch.Any(t => t.Tag == etag.Tag))
        {
            var notModified = new HttpResponseMessage(HttpStatusCode.NotModified) { RequestMessage = request };
            notModified.Headers.ETag = etag;
            return Task.FromResult(notModified);
        }

        var content = new StreamContent(File.OpenRead(file));
        content.Headers.TryAddWithoutValidation("Content-Type", ContentTypes.ForExtension(Path.GetExtension(file)));
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content };
        response.Headers.ETag = etag;
        return Task.FromResult(response);
    }

    private static Task<HttpResponseMessage> NotFound(HttpRequestMessage request, string message) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request, Content = new StringContent(message) });
}

/// <summary>The bundled snapshot: its folder, the settings an offline run uses, and its routes.</summary>
public sealed class Snapshot
{
    public const string IndexFileName = "snapshot.json";
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private Snapshot(string root, SnapshotIndex index)
    {
        Root = root;
        Index = index;
    }

    public string Root { get; }
    public SnapshotIndex Index { get; }

    /// <summary>The folder that ships beside the program.</summary>
    public static string DefaultRoot => Path.Combine(AppContext.BaseDirectory, "snapshot");

    /// <summary>
    /// Reads every index of the snapshot: snapshot.json in the root and in each folder below it
    /// (one per source), so that a source brings its files, routes and settings in a folder of its own.
    /// Files are named relative to the index that lists them.
    /// </summary>
    public static Snapshot Load(string root)
    {
        var indexes = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, IndexFileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        if (indexes.Count == 0)
        {
            throw new FileNotFoundException($"No bundled snapshot at {root}: no {IndexFileName} there.", Path.Combine(root, IndexFileName));
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var routes = new List<SnapshotRoute>();
        foreach (var indexPath in indexes)
        {
            var index = JsonSerializer.Deserialize<SnapshotIndex>(File.ReadAllText(indexPath), Json)
                ?? throw new InvalidDataException($"{indexPath} is empty.");
            var folder = Path.GetRelativePath(root, Path.GetDirectoryName(indexPath)!).Replace(Path.DirectorySeparatorChar, '/');
            foreach (var (key, value) in index.Settings ?? [])
            {
                if (!settings.TryAdd(key, value) && settings[key] != value)
                {
                    throw new InvalidDataException($"{indexPath} sets {key} again, to another value.");
                }
            }

            routes.AddRange((index.Routes ?? []).Select(r => r with { File = folder == "." ? r.File : $"{folder}/{r.File}" }));
        }

        return new Snapshot(root, new SnapshotIndex("merged", settings, routes));
    }

    public SnapshotRoute? Find(Uri uri)
    {
        var target = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var query = ParseQuery(uri.Query);
        return Index.Routes.FirstOrDefault(r =>
            string.Equals(r.Url.TrimEnd('/'), target, StringComparison.OrdinalIgnoreCase) &&
            r.Query.All(q => query.TryGetValue(q.Key, out var v) && v == q.Value));
    }

    public string FilePath(SnapshotRoute route) => Path.Combine(Root, route.File.Replace('/', Path.DirectorySeparatorChar));

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? part : part[..eq]);
            result[key] = eq < 0 ? "" : Uri.UnescapeDataString(part[(eq + 1)..]);
        }

        return result;
    }
}

public sealed record SnapshotIndex(
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("settings")] Dictionary<string, string> Settings,
    [property: JsonPropertyName("routes")] List<SnapshotRoute> Routes);

public sealed record SnapshotRoute(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("query")] Dictionary<string, string> Query,
    [property: JsonPropertyName("file")] string File);
