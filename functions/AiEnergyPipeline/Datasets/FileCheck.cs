namespace AiEnergyPipeline.Datasets;

/// <summary>What reading one stored file back found (<see cref="RunVerification"/>).</summary>
/// <param name="Path">The file's store path.</param>
/// <param name="Bytes">The bytes read (0 when missing).</param>
/// <param name="Detail">What differs, for a file that is not as listed; empty otherwise.</param>
public sealed record FileCheck(string Path, FileRole Role, FileCheckStatus Status, long Bytes, string Detail);

/// <summary>A file the run published, or an input file it archived under raw/.</summary>
public enum FileRole
{
    Published,
    Input,
}

public enum FileCheckStatus
{
    /// <summary>Its bytes are those listed: the same count, the same sha256.</summary>
    Ok,

    /// <summary>Listed, not in the store.</summary>
    Missing,

    /// <summary>In the store with other bytes than listed (or listed under an invalid path).</summary>
    Damaged,
}
