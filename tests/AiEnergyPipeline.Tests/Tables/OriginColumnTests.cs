using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Tests.Tables;

public class OriginColumnTests
{
    private static readonly FieldSchema Name = new("name", "string", "A name.");
    private static readonly FieldSchema Value = new("value_mw", "number", "A number.", "MW");

    [Fact]
    public void TableSchema_WithFields_AppendsOriginOnceAsTheLastField()
    {
        var schema = new TableSchema("t", "T", "", [Name, Value], ["name"]);

        Assert.Equal(["name", "value_mw", OriginColumn.Name], schema.ColumnNames);
        Assert.Same(OriginColumn.Field, schema.Fields[^1]);
    }

    [Fact]
    public void TableSchema_FieldsAlreadyEndingInOrigin_KeepsOneOrigin()
    {
        var schema = new TableSchema("t", "T", "", [Name, Value], ["name"]);

        var again = new TableSchema("t", "T", "", schema.Fields, ["name"]);
        var narrowed = schema with { Fields = [.. schema.Fields.Where(f => f.Name != "value_mw")] };

        Assert.Equal(["name", "value_mw", OriginColumn.Name], again.ColumnNames);
        Assert.Equal(["name", OriginColumn.Name], narrowed.ColumnNames);
    }

    [Fact]
    public void TableSchema_WithFieldsWithoutOrigin_AppendsIt()
    {
        var schema = new TableSchema("t", "T", "", [Name, Value], ["name"]);

        var replaced = schema with { Fields = [Value] };

        Assert.Equal(["value_mw", OriginColumn.Name], replaced.ColumnNames);
    }

    [Fact]
    public void TableSchema_WithoutFields_HasNoOrigin()
    {
        var schema = new TableSchema("headline", "Headline", "A JSON file.", [], []);

        Assert.Empty(schema.Fields);
        Assert.Empty(Schemas.GapHeadline.Fields);
        Assert.Empty(Schemas.GapChart.Fields);
    }

    [Fact]
    public void TableSchema_EveryPublishedTableWithFields_EndsInOneOrigin()
    {
        foreach (var schema in Schemas.All.Where(s => s.Fields.Count > 0))
        {
            Assert.Equal(OriginColumn.Name, schema.Fields[^1].Name);
            Assert.Single(schema.Fields, f => f.Name == OriginColumn.Name);
        }
    }

    [Theory]
    [InlineData("curated,fetched,recorded,sample", "sample")]
    [InlineData("sample,curated", "sample")]
    [InlineData("fetched,recorded,curated,recorded", "recorded")]
    [InlineData("curated,fetched", "fetched")]
    [InlineData("curated,curated", "curated")]
    [InlineData("", "curated")]
    public void Combine_Origins_SampleBeatsRecordedBeatsFetchedBeatsCurated(string origins, string expected)
    {
        Assert.Equal(expected, OriginColumn.Combine(origins.Split(',', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Combine_NoOrigins_IsCurated()
    {
        Assert.Equal(OriginColumn.Curated, OriginColumn.Combine([]));
    }
}
