namespace AiEnergyPipeline.Datasets;

/// <summary>
/// A published file read to its end whose bytes are not those its run's datapackage.json lists
/// (changed or cut short in the store after it was published). Thrown at the end of the read,
/// so that a reader never takes a damaged file for a whole one.
/// </summary>
public sealed class DamagedFileException(string message) : IOException(message);
