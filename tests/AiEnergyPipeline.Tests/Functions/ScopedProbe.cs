namespace AiEnergyPipeline.Tests.Functions;

/// <summary>A scoped service, for the test that a singleton may not hold one.</summary>
public sealed class ScopedProbe;
