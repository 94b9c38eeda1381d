using System.CommandLine;

namespace AiEnergyPipeline.Cli;

/// <summary>The command line: <c>aienergy run | sources | datasets | download | recompute | snapshot record | sweep</c>.</summary>
public static class AienergyCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("aienergy: fetch public grid data, normalise it and publish versioned runs (offline from the bundled snapshot by default).");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(SourcesCommand.Create());
        root.Subcommands.Add(DatasetsCommand.Create());
        root.Subcommands.Add(DownloadCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(RecomputeCommand.Create());
        root.Subcommands.Add(SnapshotCommand.Create());
        root.Subcommands.Add(SweepCommand.Create());
        return root;
    }
}
