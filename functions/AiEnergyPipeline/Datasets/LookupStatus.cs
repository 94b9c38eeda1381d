namespace AiEnergyPipeline.Datasets;

public enum LookupStatus
{
    Found,
    NotFound,
    Invalid,

    /// <summary>The store holds a damaged run or latest.json: not the caller's fault, and the next run repairs it.</summary>
    Unavailable,
}
