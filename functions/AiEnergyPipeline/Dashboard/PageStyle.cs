using System.Security.Cryptography;
using System.Text;

namespace AiEnergyPipeline.Dashboard;

/// <summary>
/// The pages' one style sheet, inline, and the Content-Security-Policy that admits exactly it:
/// nothing is loaded from anywhere, no script runs, and a style or script injected by data would be refused.
/// </summary>
public static class PageStyle
{
    public const string Css = """
        body{font-family:Arial,Helvetica,"Liberation Sans",sans-serif;margin:0 auto;max-width:1100px;padding:0 16px 40px;color:#222;line-height:1.45}
        h1{font-size:1.6rem;margin:20px 0 4px}h2{margin-top:36px;border-bottom:2px solid #0072B2;padding-bottom:4px}
        a{color:#005a8c}.meta{color:#555;margin:0 0 12px}
        .banner{background:#000;color:#fff;font-weight:bold;padding:12px 16px;border-left:8px solid #D55E00;font-size:1.1rem;position:sticky;top:0;z-index:1;margin-top:0}
        .incomplete{border-left:6px solid #D55E00;padding:4px 12px;margin:8px 0}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px;padding:0;list-style:none}
        .card{border:1px solid #ccc;border-radius:6px;padding:10px 12px;background:#fafafa}
        .card h3{font-size:.95rem;margin:0 0 6px;word-break:break-word}.big{font-size:1.6rem;font-weight:bold;margin:0}
        .card p{margin:4px 0}.small{font-size:.85rem;color:#444}
        figure{margin:20px 0}svg.chart{max-width:100%;height:auto;display:block}
        table{border-collapse:collapse;margin:8px 0;font-size:.9rem}th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
        th{background:#eef3f7}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .scroll{overflow-x:auto;max-width:100%}details{margin:6px 0}summary{cursor:pointer}
        .table-entry{border-top:1px solid #ddd;padding-top:6px}
        """;

    public static string Hash => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)));

    public static string ContentSecurityPolicy =>
        $"default-src 'none'; style-src 'sha256-{Hash}'; base-uri 'none'; form-action 'none'";

    /// <summary>The head of a page: its charset, viewport, policy, title and style.</summary>
    public static string Head(string title) =>
        "<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + $"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">"
        + "<meta name=\"referrer\" content=\"no-referrer\">"
        + $"<title>{SafeHtml.E(title)}</title><style>{Css}</style></head>";
}
