namespace AiEnergyPipeline.Sources.Ember;

/// <summary>Settings of the Ember source (section <c>Sources:Ember</c>).</summary>
public sealed class EmberOptions
{
    public const string Section = "Sources:Ember";

    /// <summary>
    /// The yearly release: the long format by default. The newer wide layout and the older API
    /// extract are read too, recognised by their header.
    /// </summary>
    public Uri Url { get; set; } = new("https://files.ember-energy.org/public-downloads/yearly_full_release_long_format.csv");
}
