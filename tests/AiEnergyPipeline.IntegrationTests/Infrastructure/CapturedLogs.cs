using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>Every log line of every category at every level, to check what reaches logs.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string All => string.Join("\n", Lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
