namespace AiEnergyPipeline.Fetch;

/// <summary>Settings of the EIA-930 API v2 source (section <c>Sources:Eia930Api</c>).</summary>
public sealed class Eia930ApiOptions
{
    public const string Section = "Sources:Eia930Api";

    public Uri Url { get; set; } = new("https://api.eia.gov/v2/electricity/rto/region-data/data/");

    /// <summary>Read from the setting EIA_API_KEY; never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>First hour (UTC, hour ending, "yyyy-MM-ddTHH"); default: <see cref="Days"/> before <see cref="End"/>.</summary>
    public string? Start { get; set; }

    /// <summary>Last hour (UTC, hour ending, "yyyy-MM-ddTHH"); default: the current hour.</summary>
    public string? End { get; set; }

    public int Days { get; set; } = 7;

    /// <summary>Rows a page; the API serves at most 5,000.</summary>
    public int PageLength { get; set; } = 5000;

    /// <summary>Series type codes to fetch: D demand, DF day-ahead forecast, NG net generation, TI total interchange.</summary>
    public string[] Types { get; set; } = ["D", "DF", "NG", "TI"];

    /// <summary>Balancing authority codes to fetch; empty means every respondent.</summary>
    public string[] Respondents { get; set; } = [];

    /// <summary>A guard against a server that never stops paging.</summary>
    public int MaxPages { get; set; } = 2000;

    /// <summary>A guard against a page far larger than 5,000 rows can be.</summary>
    public long MaxPageBytes { get; set; } = 64L << 20;
}

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
