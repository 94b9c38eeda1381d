using System.CommandLine;
using System.CommandLine.Parsing;

namespace AiEnergyPipeline.Cli;

/// <summary>The command line: <c>aienergy run | sources | datasets | download | verify | recompute | snapshot record | sweep</c>.</summary>
public static class AienergyCommand
{
    /// <summary>
    /// Parses and runs. A command line the parser rejects (an unknown option, a missing argument,
    /// options that exclude each other) gets one line on standard error and exit 2, like every
    /// other usage error, not the parser's default of the whole help text and exit 1.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args)
    {
        var parsed = Create().Parse(args);
        if (parsed.Errors.Count == 0)
        {
            return await parsed.InvokeAsync();
        }

        // A mistyped command ("donwload") is also "required command was not provided", listed first: the unrecognised word says more.
        var error = parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parsed.Errors[0];
        await Console.Error.WriteLineAsync($"error: {error.Message.Split('\n', 2)[0].Trim()} (see {CommandLineOf(parsed.CommandResult)} --help)");
        return 2;
    }

    /// <summary>"aienergy snapshot record" for the command the parser stopped in.</summary>
    private static string CommandLineOf(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? at = command; at is CommandResult { Command: var c }; at = at.Parent)
        {
            names.Insert(0, at.Parent is null ? "aienergy" : c.Name);
        }

        return string.Join(' ', names);
    }

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
