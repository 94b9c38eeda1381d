namespace AiEnergyPipeline.Fetch;

/// <summary>
/// A source could not be fetched or one of its files could not be read. The message names the
/// source, the file where there is one, and the cause; it never carries a secret.
/// </summary>
public sealed class SourceException(string source, string? file, string cause, Exception? inner = null)
    : Exception(file is null ? $"{source}: {cause}" : $"{source}: {file}: {cause}", inner)
{
    public string SourceName { get; } = source;
    public string? File { get; } = file;
    public string Cause { get; } = cause;
}
