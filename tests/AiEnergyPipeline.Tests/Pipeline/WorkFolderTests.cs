using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Pipeline;

public class WorkFolderTests
{
    [Fact]
    public void Create_WorkDirectorySet_GivesANewFolderUnderItEachTime()
    {
        var root = Repository.NewTempFolder();
        var options = new PipelineOptions { WorkDirectory = root };

        using var first = WorkFolder.Create(options);
        using var second = WorkFolder.Create(options);

        Assert.Equal(root, Path.GetDirectoryName(first.Path));
        Assert.Equal(root, Path.GetDirectoryName(second.Path));
        Assert.NotEqual(first.Path, second.Path);
        Assert.Equal(Path.Combine(first.Path, "raw"), first.Raw);
        Assert.Equal(Path.Combine(first.Path, "tables"), first.Tables);
    }

    [Fact]
    public void RootOf_NoWorkDirectory_IsAnAienergyFolderInTheSystemTemporaryFolder()
    {
        Assert.Equal(Path.Combine(Path.GetTempPath(), "aienergy-" + Environment.UserName), WorkFolder.RootOf(new PipelineOptions { WorkDirectory = " " }));
    }

    [Fact]
    public void Dispose_FolderWithNestedFiles_RemovesIt()
    {
        var work = WorkFolder.Create(new PipelineOptions { WorkDirectory = Repository.NewTempFolder() });
        Directory.CreateDirectory(work.Combine("parts/deep"));
        File.WriteAllText(Path.Combine(work.Combine("parts/deep"), "a.csv"), "x\n");

        work.Dispose();

        Assert.False(Directory.Exists(work.Path));
    }

    [Fact]
    public void Dispose_FolderNeverCreated_DoesNothing()
    {
        var root = Repository.NewTempFolder();
        var work = WorkFolder.Create(new PipelineOptions { WorkDirectory = root });

        work.Dispose();

        Assert.False(Directory.Exists(work.Path));
        Assert.True(Directory.Exists(root));
    }
}
