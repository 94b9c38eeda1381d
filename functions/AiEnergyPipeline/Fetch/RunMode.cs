namespace AiEnergyPipeline.Fetch;

/// <summary>
/// What a run's inputs were, in one word for report.json, datapackage.json and latest.json:
/// <c>live</c> (fetched now), <c>recorded</c> (replayed from a recorded snapshot) or <c>sample</c>
/// (any input a sample file written by this project: the numbers are not real).
/// </summary>
public static class RunMode
{
    public const string Live = "live";
    public const string Recorded = "recorded";
    public const string Sample = "sample";

    /// <summary>The words every headline and chart of a sample run starts with.</summary>
    public const string SampleWarning = Vocabulary.SampleLabel.Warning;

    /// <summary>Sample if any input is a sample, else recorded if any is recorded, else live. Curated files do not change it.</summary>
    public static string Of(IEnumerable<InputOrigin> origins)
    {
        var all = origins.ToList();
        return all.Contains(InputOrigin.Sample) ? Sample : all.Contains(InputOrigin.Recorded) ? Recorded : Live;
    }

    public static string Of(IEnumerable<FetchedFile> files) => Of(files.Select(f => f.Origin));
}
