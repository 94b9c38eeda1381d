namespace AiEnergyPipeline.Hosting;

/// <summary>
/// APPLICATIONINSIGHTS_AUTHENTICATION_STRING as the Functions host and the Application Insights SDKs
/// read it (<c>Authorization=AAD</c>, with <c>ClientId=...</c> for a user-assigned identity): the
/// Azure Monitor exporter then authenticates with that managed identity, as an Application Insights
/// resource with local authentication off requires.
/// </summary>
public sealed record ApplicationInsightsAuthentication(string? ClientId)
{
    /// <summary>The setting's parts, or null when it is not <c>Authorization=AAD</c> (with at most a GUID client id).</summary>
    public static ApplicationInsightsAuthentication? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = Pairs(text);
        if (parts is null || !parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (parts.Keys.Any(k => !k.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && !k.Equals("ClientId", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var clientId = parts.GetValueOrDefault("ClientId");
        return clientId is null || Guid.TryParse(clientId, out _) ? new ApplicationInsightsAuthentication(clientId) : null;
    }

    /// <summary>Whether the text is an Application Insights connection string: key=value pairs, one of them InstrumentationKey.</summary>
    public static bool IsConnectionString(string text) =>
        Pairs(text) is { } parts && parts.TryGetValue("InstrumentationKey", out var key) && key.Length > 0;

    private static Dictionary<string, string>? Pairs(string text)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }

            pairs[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        return pairs.Count > 0 ? pairs : null;
    }
}
