namespace AiEnergyPipeline.Vocabulary;

public sealed record DataLicence(string Name, string Title, string Path, string? Attribution = null);
