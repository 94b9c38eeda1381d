namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>Settings of the EIA-930 bulk BALANCE files (section <c>Sources:Eia930Bulk</c>).</summary>
public sealed class Eia930BulkOptions
{
    public const string Section = "Sources:Eia930Bulk";

    public Uri Url { get; set; } = new("https://www.eia.gov/electricity/gridmonitor/sixMonthFiles/");

    /// <summary>
    /// BALANCE file names under <see cref="Url"/> (EIA930_BALANCE_{yyyy}_{Jan_Jun|Jul_Dec}.csv), an
    /// explicit override: when given, the file list is not read and <see cref="FromYear"/> is ignored.
    /// </summary>
    public string[] Files { get; set; } = [];

    /// <summary>
    /// The first year of history: every BALANCE file that <see cref="Eia930FileList.FileName"/>
    /// lists from this year on is one partition. Default 2015, when EIA-930 begins: the full history.
    /// </summary>
    public int FromYear { get; set; } = 2015;
}
