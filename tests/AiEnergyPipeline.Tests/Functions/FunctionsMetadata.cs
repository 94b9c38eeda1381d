using AiEnergyPipeline.TestKit;
using System.Text.Json.Nodes;

namespace AiEnergyPipeline.Tests.Functions;

/// <summary>
/// The functions.metadata file the Worker SDK writes beside the app at build: what the Functions host
/// indexes (each function's trigger binding), read from the Functions project's own output of the
/// same configuration as these tests (building the tests builds the app first).
/// </summary>
internal static class FunctionsMetadata
{
    public static string FilePath
    {
        get
        {
            // .../tests/AiEnergyPipeline.Tests/bin/{Configuration}/{tfm}/
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = output.Name;
            var configuration = output.Parent!.Name;
            return Path.Combine(Repository.Root, "functions", "AiEnergyPipeline.Functions", "bin", configuration, framework, "functions.metadata");
        }
    }

    /// <summary>Each function's name and its trigger binding (the input binding whose type ends in "Trigger").</summary>
    public static IReadOnlyDictionary<string, JsonObject> Triggers()
    {
        Assert.True(File.Exists(FilePath), $"{FilePath} is missing: build functions/AiEnergyPipeline.Functions (the Worker SDK writes it)");
        var functions = JsonNode.Parse(File.ReadAllText(FilePath))!.AsArray();
        return functions.ToDictionary(
            f => (string)f!["name"]!,
            f => f!["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(b => ((string)b["type"]!).EndsWith("Trigger", StringComparison.Ordinal)));
    }

    /// <summary>Each function's entry point, Namespace.Class.Method.</summary>
    public static IReadOnlyDictionary<string, string> EntryPoints() =>
        JsonNode.Parse(File.ReadAllText(FilePath))!.AsArray().ToDictionary(f => (string)f!["name"]!, f => (string)f!["entryPoint"]!);
}
