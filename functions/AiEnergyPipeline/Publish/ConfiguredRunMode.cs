namespace AiEnergyPipeline.Publish;

/// <summary>The mode the configuration promises before any input is read: said by a run that fails before it has inputs.</summary>
public sealed record ConfiguredRunMode(string Mode);
