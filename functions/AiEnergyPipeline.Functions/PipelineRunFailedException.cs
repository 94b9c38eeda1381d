namespace AiEnergyPipeline.Functions;

public sealed class PipelineRunFailedException(string message) : Exception(message);
