using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tests.Tables;

public class SchemaSourcesTests
{
    public static TheoryData<string> Tables => [.. Schemas.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Tables))]
    public void Sources_EveryPublishedTable_NamesKnownSourcesOnce(string table)
    {
        var sources = Schemas.ByName(table)!.Sources;

        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.Contains(s, SourceNames.All));
        Assert.Equal(sources.Count, sources.Distinct().Count());
    }

    [Fact]
    public void InputsOrSources_PartWithItsOwnFile_NamesThatFileElseTheSchemasSources()
    {
        var table = new StagedTable(Schemas.BaHourly, "", "csv", 1, 1, "ab", Part: "2025_h1");
        TableInput file = new(SourceNames.Eia930Bulk, "EIA930_BALANCE_2025_Jan_Jun.csv", "cd");

        Assert.Equal([new TableInput(SourceNames.Eia930Bulk), new TableInput(SourceNames.Eia930Api)], table.InputsOrSources);
        Assert.Equal([file], (table with { Inputs = [file] }).InputsOrSources);
    }
}
