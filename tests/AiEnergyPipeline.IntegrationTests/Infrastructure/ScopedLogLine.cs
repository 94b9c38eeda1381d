namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>One line as <see cref="ScopedLogs"/> captured it: its category, its text, its scopes' properties.</summary>
public sealed record ScopedLogLine(string Category, string Message, IReadOnlyDictionary<string, string?> Scope);
