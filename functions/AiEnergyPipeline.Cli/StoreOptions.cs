using AiEnergyPipeline.Hosting;
using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Vocabulary;
using System.CommandLine;

namespace AiEnergyPipeline.Cli;

/// <summary>The options every command shares to choose the published store: a folder, or a blob container.</summary>
internal sealed class StoreOptions
{
    public const string DefaultFolder = "published";

    public Option<string?> Store { get; } = new("--store") { Description = $"Folder to publish to and read from (default: ./{DefaultFolder})." };

    public Option<string?> Connection { get; } = new("--connection") { Description = "Azure Storage connection string instead of a folder, e.g. UseDevelopmentStorage=true for Azurite." };

    public Option<string?> Container { get; } = new("--container") { Description = "Blob container, with --connection (default: published)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Store);
        command.Options.Add(Connection);
        command.Options.Add(Container);
        command.Validators.Add(result =>
        {
            // One line for each mistake: the contradictions first, then each flag's own value.
            var folder = result.GetValue(Store);
            var connection = result.GetValue(Connection);
            if (folder is not null && connection is not null)
            {
                result.AddError("Use either --store or --connection, not both.");
            }
            else if (result.GetValue(Container) is not null && connection is null)
            {
                result.AddError("--container goes with --connection.");
            }
            else if (folder is not null && string.IsNullOrWhiteSpace(folder))
            {
                // An empty value would otherwise reach Path.GetFullPath and end in a stack trace.
                result.AddError("--store is empty: give the folder to publish to (default ./published).");
            }
            else if (folder is not null && !SettingValues.IsFolderPath(folder))
            {
                // Said with the flag the user typed; the setting's own rule would name PublishedStorage__Path.
                result.AddError($"--store {folder}: not a folder path (it is a file, or under one).");
            }
            else if (connection is not null && !SettingValues.IsStorageConnectionString(connection.Trim()))
            {
                result.AddError($"--connection: {SettingValues.Hidden}: must be a storage connection string such as UseDevelopmentStorage=true.");
            }
        });
    }

    /// <summary>
    /// " with --store DIR" (or " with the same --connection") when the command was given a store, so
    /// that advice to run first names the store it was about; the connection string is never shown.
    /// </summary>
    public string SameStoreHint(ParseResult result) =>
        result.GetValue(Store) is { } folder ? $" with --store {folder}" : result.GetValue(Connection) is not null ? " with the same --connection" : "";

    /// <summary>
    /// For a command that only reads the store: whether its folder is not there (a mistyped --store),
    /// having said so on standard error. Such a command must not make the folder, nor write into it.
    /// </summary>
    public bool ReportsNoStoreFolder(ParseResult result)
    {
        var folder = Path.GetFullPath(result.GetValue(Store) ?? DefaultFolder);
        if (result.GetValue(Connection) is not null || Directory.Exists(folder))
        {
            return false;
        }

        Console.Error.WriteLine($"error: there is no store at {folder}: nothing has been published there (run 'aienergy run'{SameStoreHint(result)} first).");
        return true;
    }

    /// <summary>The settings these options stand for, in the configuration keys the pipeline reads.</summary>
    public Dictionary<string, string?> Settings(ParseResult result)
    {
        var section = PublishedStorageOptions.Section;
        if (result.GetValue(Connection) is { } connection)
        {
            return new()
            {
                [$"{section}:ConnectionString"] = connection,
                // A folder set in the environment would otherwise win over the flag (a folder wins over blobs).
                [$"{section}:Path"] = "",
                [$"{section}:Container"] = result.GetValue(Container) ?? "published",
            };
        }

        return new() { [$"{section}:Path"] = Path.GetFullPath(result.GetValue(Store) ?? DefaultFolder) };
    }
}
