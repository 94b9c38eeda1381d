using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Dashboard;

/// <summary>
/// Every piece of data goes into the page through these: text is HTML-encoded, and a link is
/// written only for an http(s) URL or a relative path inside the run, so that no value of a
/// table or package can open an element, an attribute or a javascript: URL.
/// </summary>
public static partial class SafeHtml
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A number for people: invariant culture, fixed decimals, an en dash when unknown.</summary>
    public static string Number(double? value, int decimals = 1) =>
        // A value that rounds to zero is written 0, never "-0" (.NET keeps the sign of a negative value rounded away).
        value is { } v ? (Math.Round(v, decimals, MidpointRounding.AwayFromZero) == 0 ? 0 : v).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "\u2013";

    /// <summary>A number for SVG coordinates: invariant, two decimals at most.</summary>
    public static string Coordinate(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} KB",
        _ => $"{(bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} MB",
    };

    /// <summary>
    /// Whether a URL from the data (a source, a scenario's citation) may be a link: absolute http(s)
    /// only, and not on a name reserved for examples (RFC 2606), which a sample uses where the real
    /// dataset has no address of its own: such a link would lead nowhere.
    /// </summary>
    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)
        && !IsReservedForExamples(absolute.IdnHost);

    private static bool IsReservedForExamples(string host) =>
        host.EndsWith(".example", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".test", StringComparison.OrdinalIgnoreCase)
        || ReservedExampleDomains.Any(d => host.Equals(d, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] ReservedExampleDomains = ["example.com", "example.net", "example.org"];

    /// <summary>Whether a path may be a link within the store: relative, of safe characters, leaving by no scheme or host.</summary>
    public static bool IsStorePath(string? path) => !string.IsNullOrEmpty(path) && RelativePath().IsMatch(path);

    /// <summary>A link to the web when the URL is http(s), else the text alone (a sample's snapshot path, a javascript: URL).</summary>
    public static string Link(string? url, string text) =>
        IsWebUrl(url) ? $"<a href=\"{E(url)}\" rel=\"noreferrer\">{E(text)}</a>" : E(text);

    /// <summary>A link to a file of the store, relative to the page, else the text alone.</summary>
    public static string LocalLink(string? path, string text) =>
        IsStorePath(path) ? $"<a href=\"{E(path)}\">{E(text)}</a>" : E(text);

    [GeneratedRegex(@"^(\.\./)*[A-Za-z0-9_\-]+(/[A-Za-z0-9_\-.]+)*(\.[A-Za-z0-9]+)?$")]
    private static partial Regex RelativePath();
}
