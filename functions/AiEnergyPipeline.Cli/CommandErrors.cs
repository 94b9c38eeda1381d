using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Storage;
using Azure;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Cli;

/// <summary>
/// Turns failures into one line on standard error: the store's (down, refusing, full, read-only,
/// damaged) into exit 1 and "publish failed: cause", as any failed run; those a user can cause or
/// fix (usage, configuration, input files) into exit 2.
/// </summary>
internal static class CommandErrors
{
    /// <param name="storeFailure">How a store failure begins its line: "publish failed" for commands that publish, else what the command was doing.</param>
    public static async Task<int> GuardAsync(Func<Task<int>> action, string storeFailure = "publish failed")
    {
        try
        {
            return await action();
        }
        catch (SettingsException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (OptionsValidationException e)
        {
            // Only options that missed start-up validation get here: still one line, not a stack trace.
            Console.Error.WriteLine($"error: {e.Failures.FirstOrDefault() ?? e.Message}");
            return 2;
        }
        catch (Exception e) when (StorageFailures.IsStoreFault(e))
        {
            Console.Error.WriteLine($"error: {storeFailure}: {StorageFailures.Describe(e)}");
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException or RequestFailedException or StoreConditionFailedException or FormatException or AggregateException)
        {
            Console.Error.WriteLine($"error: {OneLine(e)}");
            return 2;
        }
    }

    private static string OneLine(Exception e)
    {
        var message = e is RequestFailedException ? StorageFailures.Describe(e) : e.Message;
        var firstLine = message.Split('\n', 2)[0].Trim();
        return e.InnerException is { } inner && e is AggregateException ? OneLine(inner) : firstLine;
    }
}
