using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Tests.Pipeline;

/// <summary>
/// The model version goes with the published tables' columns. A run whose inputs hash as the latest
/// run's publishes nothing new, and the model version is part of that hash: a change of columns
/// without a new model version would leave the old columns published until an input changed.
/// </summary>
public class ModelVersionTests
{
    // Recorded together: change both when a table, a column, its type or its unit changes.
    private const string RecordedVersion = "ingest-v10-gap-v9";
    private const string RecordedColumns = "5081012d9d64e96381526f76a7ec16d3f1fe123ec5fb5d166a6a447ce9453c1c";

    [Fact]
    public void ModelVersion_PublishedColumns_AreThoseRecordedWithIt()
    {
        var columns = ColumnsFingerprint();

        Assert.True(
            (IngestPipeline.ModelVersion, columns) == (RecordedVersion, RecordedColumns),
            $"The published columns (fingerprint {columns}) or the model version ({IngestPipeline.ModelVersion}) are not those recorded "
            + $"({RecordedColumns} with {RecordedVersion}). If the columns changed, bump IngestPipeline.ModelVersion, then record both here.");
    }

    [Fact]
    public void ColumnsFingerprint_AColumnAdded_Changes()
    {
        var more = Schemas.All.Select(s => s == Schemas.QueueProjects ? s with { Fields = [.. s.Fields, new FieldSchema("extra_mw", "number", "", "MW")] } : s);

        Assert.NotEqual(ColumnsFingerprint(), Fingerprint(more));
    }

    private static string ColumnsFingerprint() => Fingerprint(Schemas.All);

    /// <summary>Every table's name and its columns' names, types and units, in order, as one sha256.</summary>
    private static string Fingerprint(IEnumerable<TableSchema> schemas) =>
        Hashing.Sha256OfText(string.Join('\n', schemas.SelectMany(s => s.Fields.Select(f => $"{s.Name}.{f.Name}:{f.Type}:{f.Unit}"))));
}
