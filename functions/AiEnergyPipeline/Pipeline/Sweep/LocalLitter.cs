using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Pipeline.Sweep;

/// <summary>
/// Litter on this machine's disk: folders under the work directory (each run makes one and
/// deletes it in finally, which a kill skips) and bodies the HTTP retry handler buffered in the
/// system's temporary folder (deleted on close, which a kill also skips). Only this app's own
/// names are touched, and only when nothing in them was written for the given age.
/// </summary>
internal static class LocalLitter
{
    /// <summary>The prefix of a buffered body's file name (see Fetch.WholeBodyRetryHandler).</summary>
    public const string BufferedBodyPrefix = "aienergy-body-";

    public static IEnumerable<SweptItem> WorkFolders(string workDirectory, DateTimeOffset now, TimeSpan age)
    {
        if (!Directory.Exists(workDirectory))
        {
            yield break;
        }

        foreach (var folder in Directory.EnumerateDirectories(workDirectory))
        {
            var (newest, files, bytes) = Scan(folder);
            if (now - newest > age)
            {
                yield return new SweptItem(SweepKind.WorkFolder, folder, $"nothing in it written for {Ago(now - newest)} (more than {age})", files, bytes);
            }
        }
    }

    public static IEnumerable<SweptItem> BufferedBodies(string tempDirectory, DateTimeOffset now, TimeSpan age)
    {
        if (!Directory.Exists(tempDirectory))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(tempDirectory, BufferedBodyPrefix + "*"))
        {
            var info = new FileInfo(file);
            var written = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
            if (now - written > age)
            {
                yield return new SweptItem(SweepKind.BufferedBody, file, $"written {Ago(now - written)} ago (more than {age})", 1, info.Length);
            }
        }
    }

    public static void Remove(SweptItem item)
    {
        if (item.Kind == SweepKind.WorkFolder)
        {
            Directory.Delete(item.Path, recursive: true);
        }
        else
        {
            File.Delete(item.Path);
        }
    }

    /// <summary>How an age is said in a reason: "2.03:00:00" is hard to read, "51 h" is not.</summary>
    public static string Ago(TimeSpan age) =>
        age.TotalHours >= 48 ? $"{Math.Floor(age.TotalDays)} days" : age.TotalMinutes >= 120 ? $"{Math.Floor(age.TotalHours)} h" : $"{Math.Max(0, Math.Floor(age.TotalMinutes))} min";

    /// <summary>The newest write under a folder (the folder's own included), its file count and bytes.</summary>
    private static (DateTimeOffset Newest, int Files, long Bytes) Scan(string folder)
    {
        var newest = Directory.GetLastWriteTimeUtc(folder);
        var files = 0;
        long bytes = 0;
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            newest = entry.LastWriteTimeUtc > newest ? entry.LastWriteTimeUtc : newest;
            if (entry is FileInfo file)
            {
                files++;
                bytes += file.Length;
            }
        }

        return (new DateTimeOffset(newest, TimeSpan.Zero), files, bytes);
    }
}
