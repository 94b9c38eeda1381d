namespace AiEnergyPipeline.Sources.Curated;

/// <summary>Settings of the curated source (section <c>Sources:Curated</c>).</summary>
public sealed class CuratedOptions
{
    public const string Section = "Sources:Curated";

    /// <summary>The folder of curated files; blank means the folder that ships beside the program.</summary>
    public string? Path { get; set; }

    /// <summary>The curated folder that ships beside the program.</summary>
    public static string DefaultPath => System.IO.Path.Combine(AppContext.BaseDirectory, "curated");
}
