using AiEnergyPipeline.Pipeline.Sweep;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Pipeline.Sweep;

/// <summary>
/// The sweep looks at this machine's disk while runs go on: a download closes (deletes) its
/// buffered body and a run deletes its work folder at any moment. Seen in the suite: the sweep
/// failed with FileNotFoundException for a body deleted between listing and reading its length.
/// </summary>
public class LocalLitterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Age = TimeSpan.FromHours(1);

    [Fact]
    public void BufferedBodies_BodyDeletedWhileListed_SkipsItWithoutFailing()
    {
        var temp = Repository.NewTempFolder();
        var first = OldFile(Path.Combine(temp, LocalLitter.BufferedBodyPrefix + "a"), 10);
        var second = OldFile(Path.Combine(temp, LocalLitter.BufferedBodyPrefix + "b"), 20);

        var seen = new List<SweptItem>();
        foreach (var item in LocalLitter.BufferedBodies(temp, Now, Age))
        {
            seen.Add(item);
            // The other body's download ends now: its file goes while the listing goes on.
            File.Delete(item.Path == first ? second : first);
        }

        var only = Assert.Single(seen);
        Assert.Equal(only.Path == first ? 10 : 20, only.Bytes);
    }

    [Fact]
    public void WorkFolders_FolderDeletedWhileListed_SkipsItWithoutFailing()
    {
        var work = Repository.NewTempFolder();
        var first = OldFolder(Path.Combine(work, "run-a"));
        var second = OldFolder(Path.Combine(work, "run-b"));

        var seen = new List<SweptItem>();
        foreach (var item in LocalLitter.WorkFolders(work, Now, Age))
        {
            seen.Add(item);
            Directory.Delete(item.Path == first ? second : first, recursive: true);
        }

        var only = Assert.Single(seen);
        Assert.Equal((1, 5L), (only.Objects, only.Bytes));
    }

    [Fact]
    public void BufferedBodies_RecentBody_IsNotLitter()
    {
        var temp = Repository.NewTempFolder();
        File.WriteAllBytes(Path.Combine(temp, LocalLitter.BufferedBodyPrefix + "new"), new byte[3]);
        OldFile(Path.Combine(temp, "someone-else-" + "old"), 3);

        Assert.Empty(LocalLitter.BufferedBodies(temp, DateTimeOffset.UtcNow, Age));
    }

    private static string OldFile(string path, int bytes)
    {
        File.WriteAllBytes(path, new byte[bytes]);
        File.SetLastWriteTimeUtc(path, Now.UtcDateTime.AddDays(-2));
        return path;
    }

    private static string OldFolder(string path)
    {
        Directory.CreateDirectory(path);
        OldFile(Path.Combine(path, "part.csv"), 5);
        Directory.SetLastWriteTimeUtc(path, Now.UtcDateTime.AddDays(-2));
        return path;
    }
}
