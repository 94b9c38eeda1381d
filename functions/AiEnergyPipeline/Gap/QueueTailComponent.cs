namespace AiEnergyPipeline.Gap;

/// <summary>One technology of a queue project and its capacity: a hybrid has up to three.</summary>
/// <param name="AccreditationClass">Its class; <c>unknown</c> when the generation type does not name it.</param>
public sealed record QueueTailComponent(string AccreditationClass, double CapacityMw);
