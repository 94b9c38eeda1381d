using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Sources;

/// <summary>
/// Normalises one partition's file on its own (on any instance), so that its outputs can be cached
/// by the file's content and reused while it is unchanged: one implementation per partitioned source.
/// </summary>
public interface IPartitionNormaliser
{
    /// <summary>The partitioned source whose files this reads, such as eia930_bulk.</summary>
    string Source { get; }

    /// <summary>
    /// Reads its file front to back through <see cref="FetchedFile.OpenRead"/> only, so that it can
    /// read the file while it downloads (<see cref="FetchedFile.WhileDownloading"/>) and work beside
    /// the download rather than after it. A normaliser that needs the whole file first (a workbook) says false.
    /// </summary>
    bool ReadsWhileDownloading => false;

    /// <summary>Writes the partition's part files into <paramref name="outputDirectory"/>; rows that cannot be read go to <paramref name="quarantine"/>.</summary>
    /// <exception cref="SourceException">The file cannot be read at all: the partition fails, naming it.</exception>
    Task<PartitionResult> NormaliseAsync(FetchedFile file, string outputDirectory, string partName, Action<QuarantineRecord> quarantine, CancellationToken cancellationToken);
}
