using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Datasets;

/// <summary>The answer to a lookup: the opened object, or why there is none.</summary>
public sealed record DatasetLookup(LookupStatus Status, StoredObject? Object, string? RunId, string? FileName, string? Field, string Message)
{
    public static DatasetLookup Found(StoredObject opened, string runId, string fileName) => new(LookupStatus.Found, opened, runId, fileName, null, "");
    public static DatasetLookup NotFound(string message) => new(LookupStatus.NotFound, null, null, null, null, message);
    public static DatasetLookup Invalid(string field, string message) => new(LookupStatus.Invalid, null, null, null, field, message);
    public static DatasetLookup Unavailable(string message) => new(LookupStatus.Unavailable, null, null, null, null, message);
}
