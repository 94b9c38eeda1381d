using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Tests.Publish;

public class DataPackageBuilderTests
{
    [Fact]
    public void Resources_CsvAndItsParquet_UniqueNamesSameSchemaAndTheParquetMediaType()
    {
        var csv = new StagedTable(Schemas.BaAnnual, "/x/ba_annual.csv", "csv", 10, 451, "aa");
        var parquet = new StagedTable(Schemas.BaAnnual, "/x/ba_annual.parquet", "parquet", 10, 2000, "bb");

        var resources = DataPackageBuilder.Resources([csv, parquet]);

        Assert.Equal(["ba_annual", "ba_annual.parquet"], resources.Select(r => r.Name));
        var sibling = resources[1];
        Assert.Equal("data/ba_annual.parquet", sibling.Path);
        Assert.Equal("parquet", sibling.Format);
        Assert.Equal("application/vnd.apache.parquet", sibling.Mediatype);
        Assert.Null(sibling.Encoding);
        Assert.Equal(10, sibling.RowCount);
        Assert.Equal(2000, sibling.Bytes);
        Assert.Equal("bb", sibling.Sha256);
        Assert.Equal(Schemas.BaAnnual.Fields, sibling.Schema!.Fields);
        Assert.Contains("TIMESTAMP(isAdjustedToUTC=true, MICROS)", sibling.Description, StringComparison.Ordinal);
        Assert.Equal("utf-8", resources[0].Encoding);
    }

    [Theory]
    [InlineData("ba_hourly", "ba_hourly")]
    [InlineData("ba_hourly.parquet", "ba_hourly")]
    public void TableOf_ResourceName_IsTheTable(string resource, string table) =>
        Assert.Equal(table, ResourceNames.TableOf(resource));
}
