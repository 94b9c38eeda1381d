using Azure.Storage.Queues;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// The real Azurite queue service the fan-out tests talk to. ./test.sh starts it and sets
/// AIENERGY_TEST_QUEUE_CONNECTION; a plain `dotnet test` starts it here from tools/azurite when it
/// is installed there.
/// </summary>
public static class AzuriteQueues
{
    public const string ConnectionVariable = "AIENERGY_TEST_QUEUE_CONNECTION";
    private static readonly Lazy<string> Connection = new(() => AzuriteService.Resolve("queue", ConnectionVariable));

    public static string ConnectionString => Connection.Value;

    /// <summary>A unique queue name (not created: the app creates its queue on first use).</summary>
    public static string NewQueueName() => "q" + Guid.NewGuid().ToString("N");

    /// <summary>A client that decodes base64 as the Functions host does before it calls the function.</summary>
    public static QueueClient Client(string queueName) =>
        new(ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
}
