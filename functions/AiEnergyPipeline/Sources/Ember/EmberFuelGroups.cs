namespace AiEnergyPipeline.Sources.Ember;

/// <summary>
/// The major groups a country's capacity must report before its total means anything: coal, gas,
/// oil, nuclear, hydro, wind, solar and other. Ember leaves a fuel blank where it has no figure
/// (the older API extract never has gas, and its 2020 rows only coal, wind and solar), and a sum
/// over the fuels that happen to be there is not the country's capacity: USA 2019 would be 608 GW
/// instead of over 1,100, and 2020 would show a "retirement" of 176 GW.
/// <para>
/// Each single fuel of <see cref="EmberFuels.SingleFuels"/> belongs to one group. A group is
/// reported when at least one of its fuels has a value for the country and year. Only "other"
/// holds more than one fuel: bioenergy and other_renewables, small fuels that many countries lack
/// and Ember leaves blank, so requiring both would leave almost every total unknown. Ember's
/// other_fossil is mostly oil and is the oil group; were it counted as "other", no country
/// could ever report oil.
/// </para>
/// </summary>
public static class EmberFuelGroups
{
    public const string Other = "other";

    /// <summary>The groups in their published order (also the order of a missing-groups list).</summary>
    public static IReadOnlyList<string> Groups { get; } = ["coal", "gas", "oil", "nuclear", "hydro", "wind", "solar", Other];

    private static readonly Dictionary<string, string> GroupOfFuel = new(StringComparer.Ordinal)
    {
        ["coal"] = "coal",
        ["gas"] = "gas",
        ["other_fossil"] = "oil",
        ["nuclear"] = "nuclear",
        ["hydro"] = "hydro",
        ["wind"] = "wind",
        ["solar"] = "solar",
        ["bioenergy"] = Other,
        ["other_renewables"] = Other,
    };

    /// <summary>
    /// The group of a single fuel. A single fuel that Ember adds later, unknown to this list, is
    /// "other": it adds to the total and cannot stand in for a named group.
    /// </summary>
    public static string GroupOf(string singleFuel) => GroupOfFuel.GetValueOrDefault(singleFuel, Other);

    /// <summary>The groups none of <paramref name="reportedSingleFuels"/> belongs to, in <see cref="Groups"/> order.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> reportedSingleFuels)
    {
        var reported = reportedSingleFuels.Select(GroupOf).ToHashSet(StringComparer.Ordinal);
        return Groups.Where(g => !reported.Contains(g)).ToList();
    }
}
