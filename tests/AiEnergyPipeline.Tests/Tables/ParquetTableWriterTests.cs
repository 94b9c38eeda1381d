using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Tables;

public class ParquetTableWriterTests
{
    [Fact]
    public async Task SetNumber_OnAStringColumn_ThrowsNamingTheColumnAndItsType()
    {
        var folder = Repository.NewTempFolder();
        await using var writer = await ParquetTableWriter.CreateAsync(Path.Combine(folder, "t.parquet"), TestTables.EveryType);

        var error = Assert.Throws<ArgumentException>(() => writer.SetNumber(writer.ColumnIndex("name"), 1.0));

        Assert.Contains("table every_type: column name is string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteAsync_CellsSetByNameInAnyOrder_WritesThemAndNullsForUnsetCells()
    {
        var folder = Repository.NewTempFolder();
        var writer = await ParquetTableWriter.CreateAsync(Path.Combine(folder, "t.parquet"), TestTables.EveryType, rowGroupRows: 2);
        for (var i = 0; i < 5; i++)
        {
            writer.SetDateTime(writer.ColumnIndex("period_end_utc"), new DateTime(2025, 1, 1, i, 0, 0, DateTimeKind.Unspecified));
            if (i != 2)
            {
                writer.SetString(writer.ColumnIndex("name"), $"n{i}");
            }

            writer.SetYear(writer.ColumnIndex("year"), 2020 + i);
            await writer.EndRowAsync(CancellationToken.None);
        }

        var table = await writer.CompleteAsync(CancellationToken.None);
        var back = await ParquetReadBack.ReadAsync(table.LocalPath);

        Assert.Equal(5, table.Rows);
        Assert.Equal(3, back.RowGroups);
        Assert.Equal(["n0", "n1", null, "n3", "n4"], back.Rows.Select(r => r[0]));
        Assert.Equal(Enumerable.Range(2020, 5).Select(y => (object?)y), back.Rows.Select(r => r[4]));
        Assert.All(back.Rows, r => Assert.Null(r[1]));
        Assert.Equal(new DateTime(2025, 1, 1, 4, 0, 0, DateTimeKind.Utc), back.Rows[4][7]);
    }

    [Fact]
    public async Task EndRowAsync_PastTheFirstBuffer_KeepsEveryValue()
    {
        var folder = Repository.NewTempFolder();
        var writer = await ParquetTableWriter.CreateAsync(Path.Combine(folder, "t.parquet"), TestTables.EveryType);
        for (var i = 0; i < 5000; i++)
        {
            writer.SetInteger(writer.ColumnIndex("count"), i);
            await writer.EndRowAsync(CancellationToken.None);
        }

        var back = await ParquetReadBack.ReadAsync((await writer.CompleteAsync(CancellationToken.None)).LocalPath);

        Assert.Equal(1, back.RowGroups);
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (object?)(long)i), back.Rows.Select(r => r[2]));
    }
}
