namespace AiEnergyPipeline.Gap.Charts;

/// <summary>
/// The Okabe-Ito palette (Okabe and Ito, "Color Universal Design", 2008): eight colours that
/// stay apart for the common colour-vision deficiencies. Yellow is left to last: it reads poorly on white.
/// </summary>
public static class Palette
{
    public static readonly IReadOnlyList<string> Colours =
    [
        "#0072B2", // blue
        "#D55E00", // vermillion
        "#009E73", // bluish green
        "#CC79A7", // reddish purple
        "#E69F00", // orange
        "#56B4E9", // sky blue
        "#000000", // black
        "#F0E442", // yellow
    ];

    public static string At(int index) => Colours[index % Colours.Count];
}
