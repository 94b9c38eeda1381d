using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Sources.Eia930;

public class ApiDuplicateRowTests
{
    [Fact]
    public async Task Normalise_ARowTheApiGivesTwice_QuarantinesTheSecondWithItsPlaceInThePage()
    {
        var pages = Repository.NewTempFolder();
        var path = Path.Combine(pages, "region-data.json");
        await File.WriteAllTextAsync(path, """
            {"response":{"total":"3","data":[
              {"period":"2026-01-01T05","respondent":"PJM","type":"D","value":"90000"},
              {"period":"2026-01-01T06","respondent":"PJM","type":"D","value":"91000"},
              {"period":"2026-01-01T05","respondent":"PJM","type":"D","value":"90000"}
            ]}}
            """);
        var output = Repository.NewTempFolder();
        await using var quarantine = TableWriter.Create(output, Schemas.Quarantine, OriginColumn.Fetched);
        var file = TestFiles.Fetched(Eia930ApiSource.SourceName, "region-data.json") with { LocalPath = path };
        var context = new NormaliseContext(new Dictionary<string, IReadOnlyList<AiEnergyPipeline.Fetch.FetchedFile>> { [Eia930ApiSource.SourceName] = [file] }, output, new QuarantineTable(quarantine, _ => OriginColumn.Fetched));

        await new Eia930Normaliser().NormaliseAsync(context, CancellationToken.None);
        var staged = await quarantine.CompleteAsync(CancellationToken.None);

        var row = Assert.Single(File.ReadAllLines(staged.LocalPath).Skip(1));
        Assert.StartsWith("eia930_api,region-data.json,", row, StringComparison.Ordinal);
        Assert.Contains(",3,duplicate of an earlier API row: PJM demand 2026-01-01T05", row, StringComparison.Ordinal);
    }
}
