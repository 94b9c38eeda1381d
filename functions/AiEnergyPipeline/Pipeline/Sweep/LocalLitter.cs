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
            // A run that ends while this looks deletes its folder: gone is not litter.
            if (Scan(folder) is not var (newest, files, bytes))
            {
                continue;
            }

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
            // A download that ends meanwhile deletes (closes) its body: Exists reads the file's
            // time and length once, and a body already gone is skipped, not a failed sweep.
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                continue;
            }

            var written = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
            if (now - written > age)
            {
                yield return new SweptItem(SweepKind.BufferedBody, info.FullName, $"written {Ago(now - written)} ago (more than {age})", 1, info.Length);
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

    /// <summary>The newest write under a folder (the folder's own included), its file count and bytes; null when the folder is gone.</summary>
    private static (DateTimeOffset Newest, int Files, long Bytes)? Scan(string folder)
    {
        var root = new DirectoryInfo(folder);
        if (!root.Exists)
        {
            return null;
        }

        var newest = root.LastWriteTimeUtc;
        var files = 0;
        long bytes = 0;
        try
        {
            foreach (var entry in root.EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            {
                newest = entry.LastWriteTimeUtc > newest ? entry.LastWriteTimeUtc : newest;
                if (entry is FileInfo file)
                {
                    files++;
                    bytes += file.Length;
                }
            }
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            return null;
        }

        return (new DateTimeOffset(newest, TimeSpan.Zero), files, bytes);
    }
}
