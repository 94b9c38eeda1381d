using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.Functions;

public sealed class PipelineRunFailedException(string message) : Exception(message);
