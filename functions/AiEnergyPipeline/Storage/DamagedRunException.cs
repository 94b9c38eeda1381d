namespace AiEnergyPipeline.Storage;

/// <summary>
/// What the store holds is not a whole run: latest.json is unreadable, malformed or points at a run
/// whose data package or files are missing or short, or a run about to be pointed at is incomplete.
/// An <see cref="IOException"/>: like a failed write, it is a fault of the store, not of the caller,
/// and a run that meets it fails as when publishing fails.
/// </summary>
public sealed class DamagedRunException(string message) : IOException(message);
