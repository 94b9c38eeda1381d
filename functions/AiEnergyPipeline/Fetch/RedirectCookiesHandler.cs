using System.Net;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// Follows a request's redirects itself, keeping the cookies each answer sets for the next request
/// of the same chain, and of that chain only. A site that checks for cookies by redirecting (ISO-NE's
/// IRTT page answers 302 with a cookie and its own address, and serves the page when the cookie comes
/// back) loops for a client without cookies; the pooled handlers of the client factory share one
/// cookie container between every request they serve, so cookies are kept here instead, per
/// request, and the primary handler neither follows redirects nor keeps cookies
/// (<see cref="TakeOverRedirects"/>). After <see cref="MaxRedirects"/> the last redirect is the
/// answer, which the fetcher reports as a redirect loop naming the address.
/// </summary>
/// <remarks>
/// As a browser: 303, and 301/302 of a POST, go on as a GET without a body; 307/308 keep the method
/// and are not followed for a request with a body (it cannot be sent twice); a redirect from https to
/// http is not followed. The request's headers go on to the same origin; to another origin only its
/// User-Agent and Accept do, so that a key in a header (PJM's) never leaves the host it was meant for.
/// </remarks>
public sealed class RedirectCookiesHandler : DelegatingHandler
{
    /// <summary>Redirects followed for one request: a cookie check takes one, a moved file one or two.</summary>
    public const int MaxRedirects = 10;

    /// <summary>Stops a primary handler (the client factory's) from following redirects and keeping cookies, so that this handler does both; any other handler is left as it is.</summary>
    public static void TakeOverRedirects(HttpMessageHandler primary)
    {
        switch (primary)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                sockets.UseCookies = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                client.UseCookies = false;
                break;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        var current = request;
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                var response = await base.SendAsync(current, cancellationToken);
                Keep(cookies, current.RequestUri!, response);
                var next = redirects < MaxRedirects ? NextOf(current, response) : null;
                if (next is null)
                {
                    return response;
                }

                response.Dispose();
                if (!ReferenceEquals(current, request))
                {
                    current.Dispose();
                }

                current = next;
                if (cookies.GetCookieHeader(current.RequestUri!) is { Length: > 0 } header)
                {
                    current.Headers.Remove("Cookie");
                    current.Headers.TryAddWithoutValidation("Cookie", header);
                }
            }
        }
        catch when (!ReferenceEquals(current, request))
        {
            current.Dispose();
            throw;
        }
    }

    private static void Keep(CookieContainer cookies, Uri url, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            try
            {
                cookies.SetCookies(url, value);
            }
            catch (CookieException)
            {
                // A cookie the container refuses (another domain, a malformed one) is not sent back, as a browser would not.
            }
        }
    }

    /// <summary>The request a redirect asks for, or null where there is none to follow.</summary>
    private static HttpRequestMessage? NextOf(HttpRequestMessage request, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
        {
            return null;
        }

        var from = request.RequestUri!;
        var to = location.IsAbsoluteUri ? location : new Uri(from, location);
        if (to.Scheme is not ("http" or "https") || (from.Scheme == "https" && to.Scheme == "http"))
        {
            return null;
        }

        var keepsMethod = status is 307 or 308;
        if (keepsMethod && request.Content is not null)
        {
            return null;
        }

        var method = keepsMethod || (status is 301 or 302 && request.Method != HttpMethod.Post) ? request.Method : HttpMethod.Get;
        var next = new HttpRequestMessage(method, to) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        var sameOrigin = Uri.Compare(from, to, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        foreach (var header in request.Headers.Where(h => !h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase)))
        {
            if (sameOrigin || header.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Accept", StringComparison.OrdinalIgnoreCase))
            {
                next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)next.Options)[option.Key] = option.Value;
        }

        return next;
    }
}
