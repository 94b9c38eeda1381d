using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AiEnergyPipeline.Storage;

/// <summary>A store in one Azure Blob Storage container (Azurite locally).</summary>
public sealed class BlobDatasetStore(BlobContainerClient container) : IDatasetStore
{
    private int _containerChecked;

    // The URI carries no credentials: shared keys travel in headers, and SAS tokens are cut off.
    public string Description => container.Uri.GetLeftPart(UriPartial.Path);

    public async Task<string> WriteAsync(string path, Stream content, WriteCondition condition, StoreWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        var blob = container.GetBlobClient(StorePath.Validate(path));
        var upload = new BlobUploadOptions
        {
            Conditions = condition switch
            {
                { IfNoneExists: true } => new BlobRequestConditions { IfNoneMatch = ETag.All },
                { IfMatch: { } etag } => new BlobRequestConditions { IfMatch = new ETag(etag) },
                _ => null,
            },
            HttpHeaders = options?.ContentType is { } type ? new BlobHttpHeaders { ContentType = type } : null,
            Metadata = options?.Metadata?.ToDictionary(),
        };
        try
        {
            var response = await blob.UploadAsync(content, upload, cancellationToken);
            return response.Value.ETag.ToString("H");
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new StoreConditionFailedException(path, $"'{path}' was not written: {(condition.IfNoneExists ? "it already exists" : "it has changed since it was read (ETag mismatch)")}.", e);
        }
    }

    public async Task<StoredObject?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(StorePath.Validate(path));
        try
        {
            var response = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            var details = response.Value.Details;
            var info = new StoredObjectInfo(path, details.ETag.ToString("H"), details.ContentLength, details.ContentType, ReadOnly(details.Metadata), details.LastModified);
            return new StoredObject(info, response.Value.Content);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<StoredObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(StorePath.Validate(path));
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new StoredObjectInfo(path, properties.ETag.ToString("H"), properties.ContentLength, properties.ContentType, ReadOnly(properties.Metadata), properties.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StorePath.ValidatePrefix(prefix);
        if (!await container.ExistsAsync(cancellationToken))
        {
            yield break;
        }

        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = prefix }, cancellationToken))
        {
            yield return new StoredObjectInfo(item.Name, item.Properties.ETag?.ToString("H") ?? "", item.Properties.ContentLength ?? 0, item.Properties.ContentType, ReadOnly(item.Metadata), item.Properties.LastModified);
        }
    }

    public async Task<string> CopyAsync(string from, string to, CancellationToken cancellationToken = default)
    {
        var source = container.GetBlobClient(StorePath.Validate(from));
        var target = container.GetBlobClient(StorePath.Validate(to));
        await EnsureContainerAsync(cancellationToken);
        CopyFromUriOperation operation;
        try
        {
            // A copy within the account is authorised by the same credentials and done by the
            // service (Azurite too): the bytes never pass through this instance.
            operation = await target.StartCopyFromUriAsync(source.Uri, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new FileNotFoundException($"'{from}' was not copied to '{to}': there is no object at '{from}'.", from, e);
        }

        // Within one account a copy completes at once or soon. The blob's own copy status is
        // watched rather than the operation's: a concurrent copy of the same bytes to the same
        // path (two instances publishing one run) replaces this one's copy id, and either is fine.
        for (var attempt = 1; ; attempt++)
        {
            var properties = (await target.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            var mine = properties.CopyId == operation.Id;
            if (properties.CopyStatus == CopyStatus.Success || (!mine && properties.CopyStatus != CopyStatus.Pending))
            {
                return properties.ETag.ToString("H");
            }

            if (mine && properties.CopyStatus is CopyStatus.Failed or CopyStatus.Aborted)
            {
                throw new IOException($"'{from}' was not copied to '{to}': the copy ended {properties.CopyStatus}: {properties.CopyStatusDescription}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 20 * attempt)), cancellationToken);
        }
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(StorePath.Validate(path));
        return (await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)).Value;
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _containerChecked) == 0)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            Volatile.Write(ref _containerChecked, 1);
        }
    }

    private static IReadOnlyDictionary<string, string> ReadOnly(IDictionary<string, string>? metadata) =>
        metadata is null ? new Dictionary<string, string>() : new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase);
}
