using Azure.Storage.Blobs;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// The real Azurite blob service that the storage tests talk to. ./test.sh starts it and sets
/// AIENERGY_TEST_BLOB_CONNECTION; a plain `dotnet test` starts it here from tools/azurite when it
/// is installed there. Without either, storage tests fail with a message saying what to do.
/// </summary>
public static class Azurite
{
    public const string ConnectionVariable = "AIENERGY_TEST_BLOB_CONNECTION";
    private static readonly Lazy<string> Connection = new(() => AzuriteService.Resolve("blob", ConnectionVariable));

    public static string ConnectionString => Connection.Value;

    /// <summary>A new, empty container with a unique name.</summary>
    public static BlobContainerClient NewContainer() =>
        new BlobServiceClient(ConnectionString).GetBlobContainerClient("t" + Guid.NewGuid().ToString("N"));
}
