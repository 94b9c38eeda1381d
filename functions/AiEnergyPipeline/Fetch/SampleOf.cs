namespace AiEnergyPipeline.Fetch;

/// <summary>
/// What a sample file imitates: the real dataset's name, its publisher, and the publisher's public
/// page that documents the dataset. Never the address of a real file: a sample was fetched from
/// nowhere, and an address (above all an invented one on a real host) would pass it off as a copy.
/// </summary>
/// <param name="Dataset">The real dataset, by name and format.</param>
/// <param name="Publisher">Who publishes the real dataset: whose data the sample is not.</param>
/// <param name="DocumentationUrl">A real page that describes the dataset; null where none is known.</param>
public sealed record SampleOf(string Dataset, string? Publisher = null, string? DocumentationUrl = null)
{
    /// <summary>What a route that names nothing imitates.</summary>
    public static SampleOf NotNamed { get; } = new("(not named)");
}
