namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>The ways a published folder store's latest run is damaged in the tests: latest.json itself, or the run it names.</summary>
internal static class LatestDamage
{
    public const string Truncated = "truncated";
    public const string Empty = "empty";
    public const string Array = "array";
    public const string EmptyObject = "empty-object";
    public const string DanglingRun = "dangling-run";
    public const string MissingResource = "missing-resource";
    public const string ShortResource = "short-resource";

    /// <summary>Damages the folder store <paramref name="store"/>, whose latest run is <paramref name="runId"/>, in the named way.</summary>
    public static async Task ApplyAsync(string store, string runId, string damage)
    {
        var latest = Path.Combine(store, "latest.json");
        var run = Path.Combine(store, "runs", runId);
        switch (damage)
        {
            case Truncated:
                var bytes = await File.ReadAllBytesAsync(latest);
                await File.WriteAllBytesAsync(latest, bytes[..(bytes.Length / 2)]);
                break;
            case Empty:
                await File.WriteAllBytesAsync(latest, []);
                break;
            case Array:
                await File.WriteAllTextAsync(latest, "[1,2]");
                break;
            case EmptyObject:
                await File.WriteAllTextAsync(latest, "{}");
                break;
            case DanglingRun:
                File.Delete(Path.Combine(run, "datapackage.json"));
                break;
            case MissingResource:
                File.Delete(Path.Combine(run, "data", "generators.csv"));
                break;
            case ShortResource:
                var annual = Path.Combine(run, "data", "ba_annual.csv");
                var content = await File.ReadAllBytesAsync(annual);
                await File.WriteAllBytesAsync(annual, content[..(content.Length / 2)]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, "not a damage these tests know.");
        }
    }
}
