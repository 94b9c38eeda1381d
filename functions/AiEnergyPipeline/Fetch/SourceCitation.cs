using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// A source's title and licence, as published in datapackage.json. A run whose files of the source
/// are samples lists <see cref="SampleLicence"/> instead: the publisher's licence and attribution
/// credit the publisher's data, which a sample is not.
/// </summary>
public sealed record SourceCitation(string Title, DataLicence Licence, DataLicence? SampleLicence = null)
{
    /// <summary>The licence entry of a file of the source, by where its bytes came from.</summary>
    public DataLicence LicenceOf(InputOrigin origin) =>
        origin == InputOrigin.Sample ? SampleLicence ?? Licences.Sample(Title, "the publisher's") : Licence;
}
