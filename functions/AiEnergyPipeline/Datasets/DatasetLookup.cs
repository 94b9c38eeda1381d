using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Datasets;

/// <summary>The answer to a lookup: the opened object, or why there is none.</summary>
/// <param name="Mode">The run's mode (<c>live</c>, <c>recorded</c>, <c>sample</c>) where its data package was read, so that whoever hands the file on can say a sample is one.</param>
public sealed record DatasetLookup(LookupStatus Status, StoredObject? Object, string? RunId, string? FileName, string? Field, string Message, string? Mode = null)
{
    public static DatasetLookup Found(StoredObject opened, string runId, string fileName, string? mode = null) => new(LookupStatus.Found, opened, runId, fileName, null, "", mode);
    public static DatasetLookup NotFound(string message) => new(LookupStatus.NotFound, null, null, null, null, message);
    public static DatasetLookup Invalid(string field, string message) => new(LookupStatus.Invalid, null, null, null, field, message);
    public static DatasetLookup Unavailable(string message) => new(LookupStatus.Unavailable, null, null, null, null, message);
}
