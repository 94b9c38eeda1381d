using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Tables;

public sealed class TableWriterTests : IDisposable
{
    private static readonly TableSchema Schema = new(
        "two_columns",
        "Two columns",
        "A string and a number.",
        [new("name", "string", "A name."), new("value_mw", "number", "A number.", "MW")],
        ["name"]);

    private readonly string _folder = Repository.NewTempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task EndRow_WithAndWithoutAnOrigin_EndsEachRowWithItsOriginAfterAHeaderEndingInOrigin()
    {
        var writer = TableWriter.Create(_folder, Schema, OriginColumn.Fetched);
        writer.Csv.WriteField("PJM");
        writer.Csv.WriteField(1.5);
        writer.EndRow();
        writer.Csv.WriteField("CISO");
        writer.Csv.WriteField(2);
        writer.EndRow(OriginColumn.Sample);
        writer.Csv.WriteField("ERCO");
        writer.Csv.WriteField(3);
        writer.EndRow();
        var table = await writer.CompleteAsync(CancellationToken.None);

        Assert.Equal(3, table.Rows);
        Assert.Equal(
            ["name,value_mw,origin", "PJM,1.5,fetched", "CISO,2,sample", "ERCO,3,fetched", ""],
            (await File.ReadAllTextAsync(table.LocalPath)).Split('\n'));
    }

    [Fact]
    public async Task CreatePart_Header_EndsInOriginOnce()
    {
        var writer = TableWriter.CreatePart(Path.Combine(_folder, Schema.Name), Schema, "2025_h1", OriginColumn.Recorded);
        writer.Csv.WriteField("PJM");
        writer.Csv.WriteField(1);
        writer.EndRow();
        var table = await writer.CompleteAsync(CancellationToken.None);

        Assert.Equal("name,value_mw,origin\nPJM,1,recorded\n", await File.ReadAllTextAsync(table.LocalPath));
    }
}
