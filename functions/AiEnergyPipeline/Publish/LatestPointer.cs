using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Publish;

/// <summary>latest.json: the newest complete run. Swung last, with an ETag condition.</summary>
public sealed record LatestPointer(
    string RunId,
    DateTimeOffset PublishedAt,
    string DataPackage,
    string InputsSha256,
    IReadOnlyList<LatestTable> Tables,
    string? Mode = null)
{
    /// <summary>Whether the run is made from sample files (<see cref="RunMode.Sample"/>): its numbers are not real.</summary>
    public bool Sample => Mode == RunMode.Sample;
}
