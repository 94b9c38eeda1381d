using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>
/// A partition's record in a plan, when a message is delivered twice and the two attempts end
/// differently: a success is never turned into a failure by the other attempt, on a folder and on Azurite.
/// </summary>
public class PartitionRecordTests
{
    private static readonly PartitionKey Key = new("eia930_bulk", "2025_h1");

    private static PartitionRecord Record(PartitionStatus status) =>
        new("20261130T000000Z-plan01", Key.Source, Key.Name, "EIA930_BALANCE_2025_Jan_Jun.csv", status, null, 10, 9, 1,
            status == PartitionStatus.Failed ? "eia930_bulk: EIA930_BALANCE_2025_Jan_Jun.csv: HTTP 503" : null, DateTimeOffset.UnixEpoch);

    public static TheoryData<string> Stores() => ["folder", "azurite"];

    private static IDatasetStore StoreOf(string kind) =>
        kind == "folder" ? new FileSystemDatasetStore(TestPaths.NewTempFolder()) : new BlobDatasetStore(Azurite.NewContainer());

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task WriteRecordAsync_FailureAfterASuccess_KeepsTheSuccess(string kind)
    {
        var cache = new PartitionCache(StoreOf(kind));

        await cache.WriteRecordAsync(Record(PartitionStatus.Normalised), CancellationToken.None);
        await cache.WriteRecordAsync(Record(PartitionStatus.Failed), CancellationToken.None);

        Assert.Equal(PartitionStatus.Normalised, (await cache.ReadRecordAsync(Key, "20261130T000000Z-plan01", CancellationToken.None))!.Status);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task WriteRecordAsync_SuccessAfterAFailure_ReplacesIt(string kind)
    {
        var cache = new PartitionCache(StoreOf(kind));

        await cache.WriteRecordAsync(Record(PartitionStatus.Failed), CancellationToken.None);
        await cache.WriteRecordAsync(Record(PartitionStatus.Reused), CancellationToken.None);

        Assert.Equal(PartitionStatus.Reused, (await cache.ReadRecordAsync(Key, "20261130T000000Z-plan01", CancellationToken.None))!.Status);
    }
}
