using AiEnergyPipeline.Functions;
using AiEnergyPipeline.Hosting;
using AiEnergyPipeline.Pipeline.FanOut;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.Tests.Hosting;

/// <summary>
/// A value the settings rules accept is one the app can use: the rules take version names in any
/// case and connection strings with spaces around them, so the clients must be built from them as
/// the rules read them, not fail later in the first function that needs them.
/// </summary>
public class AcceptedSettingsTests
{
    private static readonly Dictionary<string, string?> Odd = new()
    {
        ["PublishedStorage:Path"] = "",
        ["PublishedStorage:ConnectionString"] = " UseDevelopmentStorage=true ",
        ["PublishedStorage:ServiceVersion"] = "v2025_11_05",
        ["IngestQueue"] = "UseDevelopmentStorage=true ",
        ["IngestQueue:ServiceVersion"] = "v2025_11_05",
    };

    [Fact]
    public void Check_VersionInLowerCaseAndConnectionWithSpaces_AreAccepted()
    {
        var error = new StringWriter();

        Assert.Null(StartupSettings.Check(SettingsSample.With(Odd), error));
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void AddPublishedStore_VersionInLowerCaseAndConnectionWithSpaces_BuildsTheBlobClient()
    {
        using var provider = new ServiceCollection().AddLogging().AddPublishedStore(SettingsSample.With(Odd)).BuildServiceProvider();

        var client = provider.GetRequiredService<BlobServiceClient>();

        Assert.Equal("devstoreaccount1", client.AccountName);
    }

    [Fact]
    public void CreateQueue_VersionInLowerCaseAndConnectionWithSpaces_BuildsTheQueueClient()
    {
        var queue = FanOutRegistration.CreateQueue(SettingsSample.With(Odd));

        // Azurite's development account, read from the trimmed connection string.
        Assert.Equal("devstoreaccount1", queue.Client.AccountName);
        Assert.Equal("127.0.0.1", queue.Client.Uri.Host);
    }
}
