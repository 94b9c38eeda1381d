using AiEnergyPipeline.Storage;
using Azure;
using System.Net.Http;
using System.Net.Sockets;

namespace AiEnergyPipeline.Tests.Storage;

public class StorageFailuresTests
{
    /// <summary>What the blob SDK throws when nothing listens: status 0, the cause only in the inner exception.</summary>
    private static RequestFailedException Refused() =>
        new(0, "Service request failed.", new HttpRequestException("Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused)));

    /// <summary>A managed identity that cannot get a token, as Azure.Identity reports it.</summary>
    private sealed class NoTokenCredential : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.CredentialUnavailableException("ManagedIdentityCredential authentication unavailable. No response from the IMDS endpoint.");

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.CredentialUnavailableException("ManagedIdentityCredential authentication unavailable. No response from the IMDS endpoint.");
    }

    [Fact]
    public async Task IsStorageFailure_BlobStoreWhoseIdentityGetsNoToken_IsAStoreFailureDescribedAsSuch()
    {
        var container = new Azure.Storage.Blobs.BlobContainerClient(new Uri("https://127.0.0.1:1/published"), new NoTokenCredential(),
            new Azure.Storage.Blobs.BlobClientOptions { Retry = { MaxRetries = 0 } });
        var store = new FailureDescribingStore(new BlobDatasetStore(container));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => store.OpenReadAsync("latest.json"));

        // The reading endpoints answer 503 and the CLI exits 1 for such a failure, not a bare 500 or a stack trace.
        Assert.True(StorageFailures.IsStorageFailure(error), error.GetType().Name);
        Assert.True(StorageFailures.IsStoreFault(error), error.GetType().Name);
        Assert.Contains("No response from the IMDS endpoint", StorageFailures.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_TransportFailureWithStatusZero_GivesTheInnerCause()
    {
        Assert.Equal("Connection refused (127.0.0.1:1)", StorageFailures.Describe(Refused()));
    }

    [Fact]
    public void Describe_RetriesExhausted_GivesTheLastCauseAndTheAttempts()
    {
        var retried = new AggregateException("Retry failed after 3 tries.", Refused(), Refused(), Refused());

        Assert.Equal("Connection refused (127.0.0.1:1) (after 3 attempts)", StorageFailures.Describe(retried));
    }

    [Fact]
    public void Describe_TlsFailure_FollowsTheSeeInnerExceptionMessage()
    {
        var tls = new RequestFailedException(0, "Service request failed.", new HttpRequestException("The SSL connection could not be established, see inner exception.", new System.Security.Authentication.AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot")));

        Assert.Equal("The SSL connection could not be established: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot", StorageFailures.Describe(tls));
    }

    [Fact]
    public void Describe_StorageAnswer_GivesStatusAndErrorCode()
    {
        var forbidden = new RequestFailedException(403, "Server failed to authenticate the request.\nStatus: 403", "AuthorizationFailure", null);

        Assert.Equal("storage answered HTTP 403 (AuthorizationFailure)", StorageFailures.Describe(forbidden));
    }

    [Fact]
    public void Describe_SdkTimeout_SaysTimedOut()
    {
        var timeout = new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout of 0:00:05.");

        Assert.StartsWith("timed out: The operation was cancelled because it exceeded", StorageFailures.Describe(timeout), StringComparison.Ordinal);
    }

    [Fact]
    public void IsStoreFault_StoreAndDiskFailures_AreFaultsButAMissingInputFileIsNot()
    {
        var diskFull = new IOException("No space left on device : '/x/y.tmp'", 28);

        Assert.True(StorageFailures.IsStoreFault(diskFull));
        Assert.True(StorageFailures.IsStoreFault(Refused()));
        Assert.True(StorageFailures.IsStoreFault(new AggregateException(Refused())));
        Assert.True(StorageFailures.IsStoreFault(new StoreFailedException("writing", "latest.json", "/store", "read-only", new UnauthorizedAccessException())));
        Assert.True(StorageFailures.IsStoreFault(new DamagedRunException("latest.json is not a valid pointer")));
        Assert.False(StorageFailures.IsStoreFault(new FileNotFoundException("Could not find file 'overrides.json'.")));
        Assert.False(StorageFailures.IsStoreFault(new InvalidOperationException("No published store is configured.")));
    }
}
