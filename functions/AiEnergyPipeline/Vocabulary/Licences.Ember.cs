namespace AiEnergyPipeline.Vocabulary;

public static partial class Licences
{
    /// <summary>Ember's data licence: outputs that use it must carry the attribution.</summary>
    public static DataLicence EmberCcBy4 { get; } = new(
        "CC-BY-4.0",
        "Creative Commons Attribution 4.0 International",
        "https://creativecommons.org/licenses/by/4.0/",
        "Ember (2025), Yearly Electricity Data; licensed CC-BY-4.0");

    /// <summary>What a sample of Ember's data is credited as: a sample in the format of Ember's data, not Ember's.</summary>
    public static DataLicence EmberSample { get; } = Sample("Ember's Yearly Electricity Data", "Ember");
}
