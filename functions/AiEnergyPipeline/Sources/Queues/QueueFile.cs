namespace AiEnergyPipeline.Sources.Queues;

/// <summary>A queue file as the source fetches it and the normaliser reads it: <see cref="Index"/> is its place in the settings.</summary>
/// <param name="Method">GET, or POST (PJM's export, which also needs its subscription key).</param>
/// <param name="FromDocumentList">
/// Whether <see cref="Url"/> is a list of documents to find the file in (ERCOT's document list of
/// its GIS reports) rather than the file itself.
/// </param>
public sealed record QueueFile(int Index, Uri Url, QueueFileFormat Format, string? Region, string? Sheet, string FileName, HttpMethod Method, bool FromDocumentList = false)
{
    /// <summary>Whether the request carries PJM's subscription key and Origin/Referer www.pjm.com, as PJM's own page sends it.</summary>
    public bool NeedsPjmKey => Format == QueueFileFormat.Pjm && Method == HttpMethod.Post;

    /// <summary>The setting that lists the file: <c>Sources:Queues:Files:{Index}</c>.</summary>
    public string Setting => $"{QueuesOptions.Section}:Files:{Index}";

    /// <summary>
    /// Whether the file holds one ISO's queue (an ISO's own file, or a gridstatus file), so that its
    /// failure leaves that ISO out of the run and the others publish. The LBNL workbook holds every
    /// queue: without it most of the table would be missing, so its failure fails the source.
    /// </summary>
    public bool HoldsOneIso => Format != QueueFileFormat.Lbnl && Region is not null;
}
