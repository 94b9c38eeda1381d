using AiEnergyPipeline.Hosting;
using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Hosting.Validation.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.Functions;

/// <summary>
/// The app's settings, checked before the host starts: a bad one stops the worker with one line
/// (the same line as the command line's) instead of an exception in the first function that needs
/// it. Separate from Program so that tests call it directly: the Functions host cannot run there.
/// </summary>
public static class StartupSettings
{
    /// <summary>The exit code of a worker stopped by a bad setting, as the command line's.</summary>
    public const int BadSettingExitCode = 2;

    /// <summary>Composes the pipeline as the app does and validates every setting.</summary>
    /// <exception cref="SettingsException">A setting is invalid; the message is one line.</exception>
    public static void ThrowIfInvalid(IConfiguration configuration)
    {
        // The timer triggers read %INGEST_SCHEDULE% and %SWEEP_SCHEDULE%: blank, the host would fail to index the function.
        foreach (var schedule in new[] { RootSettings.IngestScheduleSetting, RootSettings.SweepScheduleSetting })
        {
            if (string.IsNullOrWhiteSpace(configuration[schedule]))
            {
                throw new SettingsException($"{schedule} is not set: must be {RootSettingsRules.ScheduleRule}.");
            }
        }

        var services = new ServiceCollection().AddLogging().AddAiEnergyPipeline(configuration);
        using var provider = services.BuildServiceProvider();
        StartupValidation.ThrowIfInvalid(provider);
    }

    /// <summary>Validates; on a bad setting writes <c>error: line</c> and returns <see cref="BadSettingExitCode"/>, else null.</summary>
    public static int? Check(IConfiguration configuration, TextWriter error)
    {
        try
        {
            ThrowIfInvalid(configuration);
            return null;
        }
        catch (SettingsException e)
        {
            error.WriteLine($"error: {e.Message}");
            return BadSettingExitCode;
        }
    }
}
