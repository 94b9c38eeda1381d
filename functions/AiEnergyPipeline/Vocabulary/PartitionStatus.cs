namespace AiEnergyPipeline.Vocabulary;

public enum PartitionStatus
{
    /// <summary>Unchanged at the source since it was last normalised: nothing downloaded or parsed again.</summary>
    Reused,

    /// <summary>Fetched and normalised in this run.</summary>
    Normalised,

    Failed,
}
