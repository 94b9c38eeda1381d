namespace AiEnergyPipeline.IntegrationTests.Pipeline.FanOut;

/// <summary>
/// Tests that listen to the pipeline's ActivitySource and Meter: both are found by name across the
/// process, so these run alone, after the others, lest another test's runs count in their metrics.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
