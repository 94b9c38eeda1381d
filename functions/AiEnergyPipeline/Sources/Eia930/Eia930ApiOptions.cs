namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>Settings of the EIA-930 API v2 source (section <c>Sources:Eia930Api</c>).</summary>
public sealed class Eia930ApiOptions
{
    public const string Section = "Sources:Eia930Api";

    /// <summary>The setting the API key comes from (outside the section: it is a secret, set apart from the rest).</summary>
    public const string ApiKeySetting = "EIA_API_KEY";

    public Uri Url { get; set; } = new("https://api.eia.gov/v2/electricity/rto/region-data/data/");

    /// <summary>Read from the setting EIA_API_KEY; never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>What to do without a key: the source's failure and the CLI's refusal of a live fetch say the same.</summary>
    public const string MissingKeyAdvice = $"set {ApiKeySetting} (free from https://www.eia.gov/opendata/register.php)";

    /// <summary>Whether a key is set: without one the API, fetched last in a run, cannot be read.</summary>
    public bool HasApiKey => !string.IsNullOrWhiteSpace(ApiKey);

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
