using AiEnergyPipeline.Vocabulary;
using System.Text.Json;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// A snapshot folder: the bundled sample snapshot (files written by this project) or one recorded
/// from the live sources with <c>aienergy snapshot record</c>. Its settings, its routes and the
/// origin of each route's file.
/// </summary>
public sealed class Snapshot
{
    public const string IndexFileName = "snapshot.json";
    public const string SampleOrigin = "sample";
    public const string RecordedOrigin = "recorded";
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private Snapshot(string root, IReadOnlyDictionary<string, string> settings, IReadOnlyList<SnapshotRoute> routes)
    {
        Root = root;
        Settings = settings;
        Routes = routes;
    }

    public string Root { get; }

    /// <summary>The settings an offline run applies on top of its own (configuration keys, ':'-separated).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public IReadOnlyList<SnapshotRoute> Routes { get; }

    /// <summary>The run mode a run answered from this snapshot has: sample if any file is a sample, else recorded.</summary>
    public string Mode => Routes.Any(r => r.InputOrigin == InputOrigin.Sample) ? SampleOrigin : RecordedOrigin;

    /// <summary>The folder that ships beside the program.</summary>
    public static string DefaultRoot => Path.Combine(AppContext.BaseDirectory, "snapshot");

    /// <summary>
    /// Reads every index of the snapshot: snapshot.json in the root and in each folder below it
    /// (one per source), so that a source brings its files, routes and settings in a folder of its own.
    /// Files are named relative to the index that lists them. Each index must say its origin.
    /// </summary>
    /// <exception cref="FileNotFoundException">The folder has no snapshot.json.</exception>
    /// <exception cref="InvalidDataException">An index cannot be read, says no origin, or contradicts another.</exception>
    public static Snapshot Load(string root)
    {
        var indexes = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, IndexFileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        if (indexes.Count == 0)
        {
            throw new FileNotFoundException($"No snapshot at {root}: no {IndexFileName} there.", Path.Combine(root, IndexFileName));
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var routes = new List<SnapshotRoute>();
        foreach (var indexPath in indexes)
        {
            var index = Read(indexPath);
            if (index.Origin is not (SampleOrigin or RecordedOrigin))
            {
                throw new InvalidDataException($"{indexPath} must say \"origin\": \"{SampleOrigin}\" (files written by this project) or \"{RecordedOrigin}\" (recorded from the live sources), not '{index.Origin}'.");
            }

            var folder = Path.GetRelativePath(root, Path.GetDirectoryName(indexPath)!).Replace(Path.DirectorySeparatorChar, '/');
            foreach (var (key, value) in index.Settings ?? [])
            {
                if (!settings.TryAdd(key, value) && settings[key] != value)
                {
                    throw new InvalidDataException($"{indexPath} sets {key} again, to another value.");
                }
            }

            routes.AddRange((index.Routes ?? []).Select(r => r with
            {
                File = folder == "." ? r.File : $"{folder}/{r.File}",
                Query = r.Query ?? [],
                Origin = index.Origin,
                SampleOf = r.SampleOf ?? index.SampleOf,
                RecordedAt = r.RecordedAt ?? index.RecordedAt,
            }));
        }

        return new Snapshot(root, settings, routes);
    }

    public SnapshotRoute? Find(Uri uri)
    {
        var target = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var query = ParseQuery(uri.Query);
        return Routes.FirstOrDefault(r =>
            string.Equals(r.Url.TrimEnd('/'), target, StringComparison.OrdinalIgnoreCase) &&
            r.Query!.All(q => query.TryGetValue(q.Key, out var v) && v == q.Value));
    }

    public string FilePath(SnapshotRoute route) => Path.Combine(Root, route.File.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The query parameters of a URL, unescaped (a parameter given twice keeps its last value).</summary>
    public static Dictionary<string, string> ParseQuery(string query)
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

    private static SnapshotIndex Read(string indexPath)
    {
        try
        {
            return JsonSerializer.Deserialize<SnapshotIndex>(File.ReadAllText(indexPath), Json)
                ?? throw new InvalidDataException($"{indexPath} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{indexPath} is not a snapshot index: {e.Message}", e);
        }
    }
}
