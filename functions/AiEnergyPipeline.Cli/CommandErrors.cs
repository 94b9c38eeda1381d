using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Hosting;
using Azure;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Cli;

/// <summary>Turns the failures a user can cause or fix into one line on standard error and exit code 2.</summary>
internal static class CommandErrors
{
    public static async Task<int> GuardAsync(Func<Task<int>> action)
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
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException or RequestFailedException or StoreConditionFailedException or FormatException or AggregateException)
        {
            Console.Error.WriteLine($"error: {OneLine(e)}");
            return 2;
        }
    }

    private static string OneLine(Exception e)
    {
        var message = e is RequestFailedException r ? $"storage answered {r.Status} {r.ErrorCode}" : e.Message;
        var firstLine = message.Split('\n', 2)[0].Trim();
        return e.InnerException is { } inner && e is AggregateException ? OneLine(inner) : firstLine;
    }
}
