namespace AiEnergyPipeline.Fetch;

/// <summary>What a sample file imitates: the real dataset's name and the URL of the real file.</summary>
public sealed record SampleOf(string Dataset, string Url);
