namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>Settings of the EIA-860M monthly generator inventory (section <c>Sources:Eia860m</c>).</summary>
public sealed class Eia860mOptions
{
    public const string Section = "Sources:Eia860m";

    /// <summary>The EIA-860M page; workbooks sit under <c>xls/</c> and, once older, <c>archive/xls/</c>.</summary>
    public Uri Url { get; set; } = new("https://www.eia.gov/electricity/data/eia860m/");

    /// <summary>The newest month to fetch ("yyyy-MM", such as 2026-08); default: the newest month published.</summary>
    public string? Month { get; set; }

    /// <summary>How many months before the current one the search for the newest workbook may go back.</summary>
    public int MonthsBack { get; set; } = 6;

    /// <summary>
    /// The vintages to fetch ("yyyy-MM" each), one partition each; when empty: every January from
    /// <see cref="VintagesFromYear"/> and the <see cref="RecentVintages"/> months up to the newest.
    /// </summary>
    public string[] Vintages { get; set; } = [];

    /// <summary>The first January vintage of the default set: the start of the history planned realisation is measured over.</summary>
    public int VintagesFromYear { get; set; } = 2016;

    /// <summary>How many of the newest months the default set holds (the newest among them), for month-to-month changes.</summary>
    public int RecentVintages { get; set; } = 13;
}
