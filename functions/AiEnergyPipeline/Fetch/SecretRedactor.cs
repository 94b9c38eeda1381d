using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// Knows the secrets of this process (the EIA API key) and removes them from text and URLs
/// before anything is logged, archived, reported or published.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "REDACTED";
    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string?> secrets)
    {
        // Very short values would mask innocent text everywhere; real keys are long.
        _secrets = secrets.Where(s => !string.IsNullOrWhiteSpace(s) && s.Length >= 6).Select(s => s!).Distinct().ToArray();
    }

    public static SecretRedactor None { get; } = new([]);

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A masker of these secrets in bytes as they stream past (a response stored without being held whole).</summary>
    public SecretMasker NewMasker() => new(_secrets);

    /// <summary>The URL with the value of every credential-like query parameter masked, and known secrets removed.</summary>
    public string RedactUrl(Uri url) => Redact(CredentialParameter().Replace(url.ToString(), m => m.Groups[1].Value + Mask));

    [GeneratedRegex("((?:^|[?&])(?:api_key|apikey|key|sig|token|code)=)[^&#]*", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialParameter();
}
