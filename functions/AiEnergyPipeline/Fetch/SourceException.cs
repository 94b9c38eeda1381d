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

    /// <summary>The HTTP status of an unsuccessful response, when that is the cause: 404 can mean "try another URL".</summary>
    public System.Net.HttpStatusCode? StatusCode { get; init; }

    /// <summary>Whether the download was refused by its head check (an HTML page served with status 200, say); nothing was archived.</summary>
    public bool RejectedByHeadCheck { get; init; }
}
