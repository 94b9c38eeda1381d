using System.Reflection;

namespace AiEnergyPipeline.Publish;

/// <summary>
/// The build of the code that makes a run: the library's informational version, which the SDK
/// writes as <c>1.0.0+{git commit}</c> when it builds from a git checkout (the commit checked out,
/// whatever was uncommitted), or <c>1.0.0</c> alone elsewhere. Published beside the model version,
/// so that a reader can find the very code a run came from.
/// </summary>
public static class CodeVersion
{
    public static string Current { get; } =
        typeof(CodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>How a page names a version: the commit's first 12 hex digits where there is one, else the version.</summary>
    public static string Short(string version) =>
        version.Split('+', 2) is [_, var commit] && commit.Length >= 12 ? commit[..12] : version;
}
