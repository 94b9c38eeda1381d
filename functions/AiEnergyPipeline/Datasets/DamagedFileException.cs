namespace AiEnergyPipeline.Datasets;

/// <summary>
/// A published file read to its end whose bytes are not those its run's datapackage.json lists
/// (changed or cut short in the store after it was published). Thrown at the end of the read,
/// so that a reader never takes a damaged file for a whole one.
/// </summary>
/// <param name="Bytes">The bytes read.</param>
/// <param name="ActualSha256">Their sha256.</param>
/// <param name="ListedSha256">The sha256 the data package lists.</param>
public sealed class DamagedFileException(string name, long bytes, string actualSha256, string listedSha256)
    : IOException($"{name} is damaged in the store: its {bytes:N0} bytes have sha256 {actualSha256}, not {listedSha256} as the run's datapackage.json lists.")
{
    public long Bytes { get; } = bytes;
    public string ActualSha256 { get; } = actualSha256;
    public string ListedSha256 { get; } = listedSha256;
}
