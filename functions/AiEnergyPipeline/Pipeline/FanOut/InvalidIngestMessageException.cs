namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>A message that no retry can make valid; the queue moves it to the poison queue after its retries.</summary>
public sealed class InvalidIngestMessageException(string message) : Exception(message);
