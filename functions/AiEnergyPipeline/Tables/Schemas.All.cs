namespace AiEnergyPipeline.Tables;

public static partial class Schemas
{
    /// <summary>Every schema of a published resource, so that a published run's resources can be read back by name.</summary>
    /// <remarks>A property computed on use: static initialisers of partial class files run in an order the compiler chooses.</remarks>
    public static IReadOnlyList<TableSchema> All =>
    [
        BaHourly, BaAnnual, Quarantine, Generators, GeneratorChanges, PlannedRealisation, PlannedVsBuiltByYear, QueueProjects, QueueCompletionRates, QueueChanges, CountryCapacity, DemandScenarios, Assumptions,
        GapByYear, GapByRegion, AdditionsByYearTechnology, UsVsChinaAdditions, GapHeadline, GapChart,
    ];

    /// <summary>The schema of the resource named <paramref name="name"/>, or null when this version does not know it.</summary>
    public static TableSchema? ByName(string name) => All.FirstOrDefault(s => s.Name == name);
}
