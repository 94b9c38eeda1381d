namespace AiEnergyPipeline.Fetch;

/// <summary>
/// A body went past <see cref="SourceHttpOptions.MaxBodyBytes"/> or <see cref="SourceHttpOptions.BodyDeadline"/>.
/// Unlike a cut-off or stalled body it is not requested again: the same server sends the same
/// file as large or as slowly, and a retry would only double the time and bytes spent.
/// </summary>
public sealed class BodyLimitException(string message) : Exception(message);
