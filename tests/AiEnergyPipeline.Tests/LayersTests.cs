using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using System.Text.RegularExpressions;
using AiEnergyPipeline.TestKit;
using AiEnergyPipeline.Vocabulary;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace AiEnergyPipeline.Tests;

/// <summary>
/// The library's layers and the one direction of their dependencies (docs/architecture.md).
/// A namespace uses only the namespaces of lower rank; two of the same rank stand side by side
/// and use neither the other. Checked on the compiled types, so a use through a signature, a
/// base type or a method body counts, and a name in a comment does not.
/// </summary>
public partial class LayersTests
{
    /// <summary>Bottom to top, as in docs/architecture.md.</summary>
    private static readonly (string Name, int Rank)[] Layers =
    [
        ("Vocabulary", 0),
        ("Storage", 1),
        ("Tables", 2),
        ("Fetch", 2),
        ("Tabular", 3),
        ("Sources", 4),
        ("Gap", 5),
        ("Publish", 6),
        ("Dashboard", 7),
        ("Datasets", 7),
        ("Recompute", 7),
        ("Pipeline", 8),
        ("Hosting", 9),
    ];

    /// <summary>The sources, each in its own folder under Sources/; Curated holds the vocabulary curated data shares.</summary>
    private static readonly string[] SourceFolders = ["Eia930", "Eia860m", "Queues", "Ember", "Curated"];

    private static readonly Architecture Library = new ArchLoader().LoadAssemblies(typeof(RunId).Assembly).Build();

    public static TheoryData<string> LayerNames() => [.. Layers.Select(l => l.Name)];

    public static TheoryData<string> SourceNames() => [.. SourceFolders.Where(s => s != "Curated")];

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void Layer_UsesOnlyLowerLayers(string layer) =>
        RuleFor(layer, Layers).Check(Library);

    /// <summary>
    /// The compiler copies a constant into its user, so a use of one leaves no trace in the
    /// compiled types: the using directives of the source files are checked as well.
    /// </summary>
    [Fact]
    public void LibrarySources_UsingDirectives_NameOnlyLowerLayers()
    {
        var library = Path.Combine(Repository.Root, "functions", "AiEnergyPipeline");
        var ranks = Layers.ToDictionary(l => l.Name, l => l.Rank);
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var layer = LayerOf(NamespacePattern().Match(text).Groups[1].Value);
            foreach (var used in UsingPattern().Matches(text).Select(m => LayerOf(m.Groups[1].Value)).Distinct())
            {
                if (used != layer && ranks[used] >= ranks[layer])
                {
                    wrong.Add($"{Path.GetRelativePath(library, file)}: {layer} uses {used}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Library_EveryTypeIsInALayer()
    {
        var anyLayer = string.Join('|', Layers.Select(l => l.Name));
        IArchRule rule = Types().That().ResideInNamespaceMatching("^AiEnergyPipeline(\\..*)?$")
            .Should().ResideInNamespaceMatching($"^AiEnergyPipeline\\.({anyLayer})(\\..*)?$")
            .Because("a new top-level namespace must take its place among the layers (and in docs/architecture.md)");

        rule.Check(Library);
    }

    [Theory]
    [MemberData(nameof(SourceNames))]
    public void Source_UsesNoOtherSourceButCurated(string source)
    {
        var others = SourceFolders.Where(s => s != source && s != "Curated").ToList();
        IArchRule rule = Types().That().ResideInNamespaceMatching(Pattern($"Sources\\.{source}"))
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching($"^AiEnergyPipeline\\.Sources\\.({string.Join('|', others)})(\\..*)?$")
            .Because("adding or removing a source is adding or removing its folder");

        rule.Check(Library);
    }

    /// <summary>The rule is not vacuous: with Hosting put at the bottom, it finds Hosting's real uses of the layers above it.</summary>
    [Fact]
    public void RuleFor_LayerPutBelowWhatItUses_HasViolations()
    {
        (string, int)[] upsideDown = [.. Layers.Select(l => l.Name == "Hosting" ? (l.Name, -1) : l)];

        Assert.False(RuleFor("Hosting", upsideDown).HasNoViolations(Library));
        Assert.True(RuleFor("Hosting", Layers).HasNoViolations(Library));
    }

    private static IArchRule RuleFor(string layer, (string Name, int Rank)[] layers)
    {
        var rank = layers.Single(l => l.Name == layer).Rank;
        var notBelow = layers.Where(l => l.Name != layer && l.Rank >= rank).Select(l => l.Name).ToList();
        return Types().That().ResideInNamespaceMatching(Pattern(layer))
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching($"^AiEnergyPipeline\\.({string.Join('|', notBelow)})(\\..*)?$")
            .Because($"{layer} may use only {string.Join(", ", layers.Where(l => l.Rank < rank).Select(l => l.Name).DefaultIfEmpty("nothing of the library"))}");
    }

    private static string Pattern(string layer) => $"^AiEnergyPipeline\\.{layer}(\\..*)?$";

    /// <summary>Sources.Eia930 -> Sources.</summary>
    private static string LayerOf(string namespaceBelowRoot) => namespaceBelowRoot.Split('.')[0];

    [GeneratedRegex(@"^namespace AiEnergyPipeline\.([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"^using (?:static )?AiEnergyPipeline\.([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();
}
