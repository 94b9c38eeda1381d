namespace AiEnergyPipeline.Tests.Functions;

/// <summary>A singleton that holds a <see cref="ScopedProbe"/>: what ValidateScopes refuses.</summary>
public sealed class SingletonProbe(ScopedProbe scoped)
{
    public ScopedProbe Scoped { get; } = scoped;
}
