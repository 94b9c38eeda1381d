using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources;

/// <summary>The value of a table's <see cref="OriginColumn"/> for rows made from input files of the given origins.</summary>
public static class RowOrigin
{
    public static string Of(InputOrigin origin) => origin switch
    {
        InputOrigin.Fetched => OriginColumn.Fetched,
        InputOrigin.Recorded => OriginColumn.Recorded,
        InputOrigin.Sample => OriginColumn.Sample,
        InputOrigin.Curated => OriginColumn.Curated,
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, null),
    };

    /// <summary>The least direct of the inputs' origins (<see cref="OriginColumn.Combine"/>).</summary>
    public static string Of(IEnumerable<InputOrigin> origins) => OriginColumn.Combine(origins.Distinct().Select(Of));

    public static string Of(IEnumerable<FetchedFile> files) => Of(files.Select(f => f.Origin));

    /// <summary>Each source's origin in a run, from its files.</summary>
    public static SourceOrigins BySource(IEnumerable<(string Source, InputOrigin Origin)> files) =>
        new(files.GroupBy(f => f.Source, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Of(g.Select(f => f.Origin)), StringComparer.Ordinal));
}
