namespace AiEnergyPipeline.Sources.Queues;

/// <summary>One queue file to fetch (settings <c>Sources:Queues:Files:{i}:*</c>).</summary>
public sealed class QueueFileOptions
{
    public string? Url { get; set; }

    /// <summary><c>lbnl</c> (the default), <c>gridstatus</c>, or an ISO's own file: <c>pjm</c>, <c>caiso</c>, <c>nyiso</c>, <c>ercot</c>, <c>spp</c>, <c>miso</c>, <c>isone</c>.</summary>
    public string? Format { get; set; }

    /// <summary>The ISO whose queue a gridstatus file holds, such as PJM; required for gridstatus, ignored for LBNL (each row names its own) and for an ISO's own file.</summary>
    public string? Region { get; set; }

    /// <summary>The LBNL data sheet; default: the first sheet whose header has the queue columns.</summary>
    public string? Sheet { get; set; }

    /// <summary><c>GET</c> or <c>POST</c>; default: <c>POST</c> for a <c>pjm</c> entry (PJM's export answers only a POST carrying its subscription key), else <c>GET</c>.</summary>
    public string? Method { get; set; }
}
