using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.IntegrationTests.Cli;

/// <summary>`aienergy run --telemetry console`: the run's spans and metrics printed by OpenTelemetry's console exporter, in the real process.</summary>
public class CliTelemetryTests
{
    [Fact]
    public async Task Run_TelemetryConsole_PrintsEverySpanOfTheRunAndItsMetrics()
    {
        var folder = TestPaths.NewTempFolder();

        var result = await CliProcess.RunAsync(folder, null, "run", "--telemetry", "console");

        Assert.Equal(0, result.ExitCode);
        foreach (var span in new[] { PipelineTelemetry.IngestRunSpan, PipelineTelemetry.PlanSpan, PipelineTelemetry.PartitionSpan, PipelineTelemetry.FetchSpan, PipelineTelemetry.NormaliseSpan, PipelineTelemetry.CompleteSpan, PipelineTelemetry.GapSpan, PipelineTelemetry.PublishSpan })
        {
            Assert.Contains($"Activity.DisplayName:        {span}\n", result.Stdout.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        var runId = result.Stdout.Split('\n').Single(l => l.StartsWith("run: ", StringComparison.Ordinal))["run: ".Length..].Trim();
        Assert.Contains($"{PipelineTelemetry.RunIdTag}: {runId}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{PipelineTelemetry.OutcomeTag}: published", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Metric Name: aienergy.runs,", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Metric Name: aienergy.partitions,", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Metric Name: aienergy.data.age,", result.Stdout, StringComparison.Ordinal);
        // The run's own lines are all there too, the sample warning last among them.
        Assert.Contains("warning: SAMPLE DATA, NOT REAL", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutTelemetry_PrintsNoSpans()
    {
        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), null, "run");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("Activity.DisplayName", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("recompute")]
    public async Task Command_UnknownTelemetry_ExitsTwoWithOneLine(string command)
    {
        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), null, command, "--telemetry", "jaeger");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("error: --telemetry is 'jaeger': must be console, otlp or none.", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r'));
    }
}
