using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// Every log line with the properties of the scopes around it, read as the console, OpenTelemetry
/// and the Functions worker read them (the logger factory's external scopes): to check that a
/// run's lines carry its ids.
/// </summary>
public sealed class ScopedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<ScopedLogLine> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(ScopedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
            logs._scopes.ForEachScope(
                (scope, into) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            into[key] = value?.ToString();
                        }
                    }
                },
                properties);
            logs.Lines.Enqueue(new ScopedLogLine(category, formatter(state, exception), properties));
        }
    }
}
