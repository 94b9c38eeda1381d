namespace AiEnergyPipeline.Fetch;

/// <summary>
/// The body being read while it downloads (<see cref="BodyDestination.OpenWhileDownloading"/>) is
/// being downloaded again from its start: what was read so far may not be the body that completes,
/// so the reader must start over from the finished file.
/// </summary>
public sealed class BodyRestartedException(string path) : IOException($"{System.IO.Path.GetFileName(path)}: the download started again from its start while it was being read.");
