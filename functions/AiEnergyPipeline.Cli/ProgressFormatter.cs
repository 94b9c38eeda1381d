using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace AiEnergyPipeline.Cli;

/// <summary>Log lines as progress for a person: the time and the message, a level only when it is not plain information.</summary>
internal sealed class ProgressFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "progress";

    public override void Write<TState>(in LogEntry<TState> logEntry, Microsoft.Extensions.Logging.IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var level = logEntry.LogLevel switch
        {
            LogLevel.Information => "",
            LogLevel.Warning => "warning: ",
            LogLevel.Error or LogLevel.Critical => "error: ",
            _ => logEntry.LogLevel.ToString().ToLowerInvariant() + ": ",
        };
        textWriter.WriteLine($"{DateTime.Now:HH:mm:ss} {level}{message}");
    }
}
