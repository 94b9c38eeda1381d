namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>How many times a message has been delivered, whether the queue will give it up (to its poison queue) if this delivery fails, and the queue's id of the message (null in-process).</summary>
public sealed record Delivery(long Count, bool IsLast, string? MessageId = null)
{
    /// <summary>In-process work is delivered once: there is nobody to retry it.</summary>
    public static Delivery Once { get; } = new(1, true);
}
