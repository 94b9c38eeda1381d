using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Fetch;

/// <summary>A source's title and licence, as published in datapackage.json.</summary>
public sealed record SourceCitation(string Title, DataLicence Licence);
