namespace AiEnergyPipeline.Vocabulary;

public static partial class Licences
{
    /// <summary>The name of the entry a sample run lists for its sample files, in place of the licence of the data they imitate.</summary>
    public const string SampleName = "AiEnergyPipeline-sample";

    /// <summary>
    /// The licence entry of a source's sample files: the project's own files (its bundled
    /// snapshot), credited as a sample in the publisher's format and never as the publisher's data.
    /// </summary>
    public static DataLicence Sample(string format, string publisher) => new(
        SampleName,
        "AiEnergyPipeline's own sample files (its bundled snapshot): no publisher's data, under no publisher's licence",
        "repo:snapshot/",
        SampleCredit(format, publisher));

    /// <summary>How an output credits a sample: "Sample written by this project in the format of EIA-930; not EIA data."</summary>
    public static string SampleCredit(string format, string publisher) =>
        $"Sample written by this project in the format of {format}; not {publisher} data.";
}
