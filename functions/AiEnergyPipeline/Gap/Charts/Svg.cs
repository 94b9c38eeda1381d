using System.Globalization;
using System.Text;

namespace AiEnergyPipeline.Gap.Charts;

/// <summary>
/// Drawing a chart as SVG, for a standalone file (gap/gap.svg) and for the run's page alike: presentation attributes only (a strict Content-Security-Policy
/// blocks style attributes), every text encoded, and a legend laid out in rows that the chart's
/// box grows to hold, so that no label is ever cut.
/// </summary>
public sealed class Svg(double width)
{
    public const string Font = "Arial, Helvetica, 'Liberation Sans', sans-serif";
    public const double FontSize = 12;
    public const double SwatchWidth = 18;

    /// <summary>
    /// A generous width per character: Arial's widest common glyphs are about 0.6 em and most are
    /// narrower, so a label measured with 0.62 em never runs past the room left for it.
    /// </summary>
    public const double EmPerCharacter = 0.62;

    private readonly StringBuilder body = new();

    public double Width { get; } = width;

    public static double TextWidth(string text, double size = FontSize) => text.Length * size * EmPerCharacter;

    public void Text(double x, double y, string text, string anchor = "start", double size = FontSize, string? weight = null, string? transform = null, string fill = "#222")
    {
        body.Append(CultureInfo.InvariantCulture, $"<text x=\"{C(x)}\" y=\"{C(y)}\" font-size=\"{C(size)}\" text-anchor=\"{anchor}\" fill=\"{fill}\"");
        if (weight is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $" font-weight=\"{weight}\"");
        }

        if (transform is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $" transform=\"{transform}\"");
        }

        body.Append('>').Append(E(text)).Append("</text>");
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string? dash = null)
    {
        body.Append(CultureInfo.InvariantCulture, $"<line x1=\"{C(x1)}\" y1=\"{C(y1)}\" x2=\"{C(x2)}\" y2=\"{C(y2)}\" stroke=\"{stroke}\" stroke-width=\"{C(strokeWidth)}\"");
        body.Append(dash is null ? "/>" : $" stroke-dasharray=\"{dash}\"/>");
    }

    public void Rect(double x, double y, double w, double h, string fill, string? title = null)
    {
        body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{C(x)}\" y=\"{C(y)}\" width=\"{C(Math.Max(0, w))}\" height=\"{C(Math.Max(0, h))}\" fill=\"{fill}\"");
        body.Append(title is null ? "/>" : $"><title>{E(title)}</title></rect>");
    }

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double strokeWidth = 2.5, string? dash = null)
    {
        var list = string.Join(" ", points.Select(p => $"{C(p.X)},{C(p.Y)}"));
        body.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{list}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{C(strokeWidth)}\"");
        body.Append(dash is null ? "/>" : $" stroke-dasharray=\"{dash}\"/>");
    }

    public void Polygon(IEnumerable<(double X, double Y)> points, string fill, double opacity)
    {
        var list = string.Join(" ", points.Select(p => $"{C(p.X)},{C(p.Y)}"));
        body.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{list}\" fill=\"{fill}\" fill-opacity=\"{C(opacity)}\"/>");
    }

    /// <summary>A diamond of half-diagonal <paramref name="r"/> centred at (<paramref name="x"/>, <paramref name="y"/>): a mark a reader can tell from bars and lines, with a tooltip when titled.</summary>
    public void Diamond(double x, double y, double r, string fill, string stroke, string? title = null)
    {
        body.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{C(x)},{C(y - r)} {C(x + r)},{C(y)} {C(x)},{C(y + r)} {C(x - r)},{C(y)}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"");
        body.Append(title is null ? "/>" : $"><title>{E(title)}</title></polygon>");
    }

    public void Circle(double x, double y, double r, string fill) =>
        body.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{C(x)}\" cy=\"{C(y)}\" r=\"{C(r)}\" fill=\"{fill}\"/>");

    /// <summary>Words in lines no wider than <paramref name="maxWidth"/> at <paramref name="size"/> (a word longer than a line gets a line of its own).</summary>
    public static IReadOnlyList<string> Wrap(string text, double maxWidth, double size = FontSize)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && TextWidth(candidate, size) > maxWidth)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>A bold red label on a white box centred at (<paramref name="x"/>, <paramref name="y"/>): the sample warning across a plot.</summary>
    public void Banner(double x, double y, string text)
    {
        const double size = 28;
        var width = TextWidth(text, size) + 32;
        body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{C(x - (width / 2))}\" y=\"{C(y - 24)}\" width=\"{C(width)}\" height=\"44\" fill=\"#fff\" fill-opacity=\"0.9\" stroke=\"#B00020\" stroke-width=\"2\"/>");
        Text(x, y + 9, text, "middle", size, "bold", fill: "#B00020");
    }

    /// <summary>A y axis from <paramref name="min"/> to <paramref name="max"/> with gridlines and tick labels; returns the scale.</summary>
    public Func<double, double> YAxis(double left, double top, double plotWidth, double plotHeight, double min, double max, bool labels = true)
    {
        var ticks = NiceTicks(min, max);
        var lo = Math.Min(min, ticks[0]);
        var hi = Math.Max(max, ticks[^1]);
        double Scale(double v) => top + plotHeight - ((v - lo) / (hi - lo == 0 ? 1 : hi - lo) * plotHeight);
        foreach (var tick in ticks)
        {
            Line(left, Scale(tick), left + plotWidth, Scale(tick), tick == 0 ? "#555" : "#ddd", tick == 0 ? 1.2 : 1);
            if (labels)
            {
                Text(left - 6, Scale(tick) + 4, tick.ToString("0.##", CultureInfo.InvariantCulture), "end", 11);
            }
        }

        return Scale;
    }

    /// <summary>Round tick values covering the range, about five of them.</summary>
    public static IReadOnlyList<double> NiceTicks(double min, double max)
    {
        if (max <= min)
        {
            max = min + 1;
        }

        var raw = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        var ticks = new List<double>();
        for (var t = Math.Floor(min / step) * step; t <= max + (step / 2); t += step)
        {
            ticks.Add(Math.Round(t, 10));
        }

        return ticks;
    }

    /// <summary>
    /// The legend in rows from (<paramref name="x"/>, <paramref name="y"/>), wrapping within
    /// <paramref name="maxWidth"/>; returns its height. Each entry is a swatch (a line, a box or a diamond) and its label.
    /// </summary>
    public double Legend(IReadOnlyList<ChartLegendEntry> entries, double x, double y, double maxWidth)
    {
        const double rowHeight = 20;
        const double gap = 18;
        var cx = x;
        var cy = y;
        foreach (var entry in entries)
        {
            var entryWidth = SwatchWidth + 6 + TextWidth(entry.Label);
            if (cx > x && cx + entryWidth > x + maxWidth)
            {
                cx = x;
                cy += rowHeight;
            }

            if (entry.Diamond)
            {
                Diamond(cx + (SwatchWidth / 2), cy - 4, 5, "#fff", entry.Colour);
            }
            else if (entry.Box)
            {
                Rect(cx, cy - 10, SwatchWidth, 12, entry.Colour);
            }
            else
            {
                Line(cx, cy - 4, cx + SwatchWidth, cy - 4, entry.Colour, 3, entry.Dash);
            }

            body.Append("<g class=\"legend\">");
            Text(cx + SwatchWidth + 6, cy, entry.Label);
            body.Append("</g>");
            cx += entryWidth + gap;
        }

        return cy - y + rowHeight;
    }

    /// <summary>The legend's height without drawing it, to size the chart before drawing.</summary>
    public static double LegendHeight(IReadOnlyList<ChartLegendEntry> entries, double maxWidth)
    {
        var rows = 1;
        var used = 0.0;
        foreach (var width in entries.Select(e => SwatchWidth + 6 + TextWidth(e.Label)))
        {
            if (used > 0 && used + width > maxWidth)
            {
                rows++;
                used = 0;
            }

            used += width + 18;
        }

        return rows * 20;
    }

    /// <summary>The whole SVG: role img, title and description for screen readers, the body drawn so far.</summary>
    public string Render(string id, double height, string title, string description) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{E(id)}\" class=\"chart\" role=\"img\" aria-labelledby=\"{E(id)}-t {E(id)}-d\" "
        + $"viewBox=\"0 0 {C(Width)} {C(height)}\" width=\"{C(Width)}\" height=\"{C(height)}\" font-family=\"{Font}\">"
        + $"<title id=\"{E(id)}-t\">{E(title)}</title><desc id=\"{E(id)}-d\">{E(description)}</desc>"
        + $"<rect x=\"0\" y=\"0\" width=\"{C(Width)}\" height=\"{C(height)}\" fill=\"#fff\"/>"
        + body + "</svg>";

    /// <summary>Text for SVG and HTML alike: the entities both know (amp, lt, gt, quot) and numeric ones, so that the file is also well-formed XML.</summary>
    public static string E(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");

    /// <summary>A number for SVG coordinates: invariant, two decimals at most.</summary>
    public static string Coordinate(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    private static string C(double value) => Coordinate(value);
}
