namespace AiEnergyPipeline.Sources.Queues;

/// <summary>A queue file as the source fetches it and the normaliser reads it: <see cref="Index"/> is its place in the settings.</summary>
public sealed record QueueFile(int Index, Uri Url, QueueFileFormat Format, string? Region, string? Sheet, string FileName)
{
    /// <summary>The setting that lists the file: <c>Sources:Queues:Files:{Index}</c>.</summary>
    public string Setting => $"{QueuesOptions.Section}:Files:{Index}";

    /// <summary>
    /// Whether the file holds one ISO's queue (an ISO's own file, or a gridstatus file), so that its
    /// failure leaves that ISO out of the run and the others publish. The LBNL workbook holds every
    /// queue: without it most of the table would be missing, so its failure fails the source.
    /// </summary>
    public bool HoldsOneIso => Format != QueueFileFormat.Lbnl && Region is not null;
}
