namespace AiEnergyPipeline.Gap;

/// <summary>The gap cannot be computed from the run's tables; the run fails with this message.</summary>
public sealed class GapException : Exception
{
    public GapException()
    {
    }

    public GapException(string message)
        : base(message)
    {
    }

    public GapException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
