using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;
using Parquet.Schema;

namespace AiEnergyPipeline.Tests.Tables;

public class ParquetSchemasTests
{
    [Fact]
    public void For_EveryFrictionlessType_MapsToTheNullableParquetType()
    {
        var fields = ParquetSchemas.For(TestTables.EveryType).GetDataFields();

        Assert.Equal(TestTables.EveryType.ColumnNames, fields.Select(f => f.Name));
        Assert.Equal(OriginColumn.Name, fields[^1].Name);
        Assert.Equal(
            [typeof(string), typeof(double), typeof(long), typeof(bool), typeof(int), typeof(DateOnly), typeof(string), typeof(DateTime), typeof(string)],
            fields.Select(ParquetReadBack.ValueTypeOf));
        Assert.All(fields, f => Assert.True(f.IsNullable, $"{f.Name} is nullable"));
    }

    [Fact]
    public void For_Datetime_IsAUtcTimestampInMicroseconds()
    {
        var field = Assert.IsType<DateTimeDataField>(Assert.Single(ParquetSchemas.For(TestTables.EveryType).GetDataFields(), f => f.Name == "period_end_utc"));

        Assert.Equal(DateTimeFormat.Timestamp, field.DateTimeFormat);
        Assert.True(field.IsAdjustedToUTC);
        Assert.Equal(DateTimeTimeUnit.Micros, field.Unit);
    }

    [Fact]
    public void For_UnknownType_ThrowsNamingTableColumnAndType()
    {
        var schema = new TableSchema("odd", "Odd", "", [new("where", "geopoint", "A point.")], []);

        var error = Assert.Throws<NotSupportedException>(() => ParquetSchemas.For(schema));

        Assert.Contains("table odd: column where has the type 'geopoint'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_EveryPublishedTable_HasOneColumnPerField()
    {
        foreach (var schema in Schemas.All.Where(s => s.Fields.Count > 0))
        {
            Assert.Equal(schema.ColumnNames, ParquetSchemas.For(schema).GetDataFields().Select(f => f.Name));
        }
    }
}
