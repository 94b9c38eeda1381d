using System.Globalization;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Gap;

/// <summary>The plain-language sentence of a scenario's headline.</summary>
public static partial class GapHeadlineText
{
    /// <summary>
    /// For example "Under Anthropic's 'Build AI in America' estimate (anthropic_build_ai_2028), US firm
    /// supply falls 41.2 GW short of AI and other load growth by 2028."
    /// </summary>
    /// <param name="dataCentres">The scenario counts all data centres, not AI alone (its notes say so): the sentence says data-centre load, not AI.</param>
    /// <param name="overridden">A recompute's request set the scenario's points: the sentence says so rather than credit the publisher with them.</param>
    public static string Sentence(string scenarioId, string source, int year, double gapGw, bool dataCentres = false, bool overridden = false)
    {
        var gw = Math.Abs(gapGw).ToString("0.0", CultureInfo.InvariantCulture);
        var load = dataCentres ? "data-centre" : "AI";
        var outcome = Math.Round(gapGw, 1) switch
        {
            > 0 => $"US firm supply falls {gw} GW short of {load} and other load growth by {year}.",
            < 0 => $"US firm supply additions exceed {load} and other load growth by {gw} GW by {year}.",
            _ => $"US firm supply additions match {load} and other load growth by {year}.",
        };
        return $"Under {(overridden ? "a recompute's own figures for " : "")}{Estimate(source)} ({scenarioId}), {outcome}";
    }

    /// <summary>"Publisher, Title (Month Year)" becomes "Publisher's 'Title' estimate".</summary>
    private static string Estimate(string source)
    {
        var comma = source.IndexOf(", ", StringComparison.Ordinal);
        if (comma <= 0)
        {
            return string.IsNullOrWhiteSpace(source) ? "the scenario" : $"the '{source}' estimate";
        }

        var publisher = source[..comma];
        var title = TrailingDate().Replace(source[(comma + 2)..], "");
        return $"{publisher}{(publisher.EndsWith('s') ? "'" : "'s")} '{title}' estimate";
    }

    [GeneratedRegex(@"\s*\([^()]*\)\s*$")]
    private static partial Regex TrailingDate();
}
