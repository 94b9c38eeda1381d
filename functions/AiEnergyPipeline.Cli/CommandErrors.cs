using AiEnergyPipeline.Storage;
using Azure;

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
