using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace AiEnergyPipeline.Datasets;

/// <summary>
/// Reads back every file a run's data package lists, and every input file its sources name under
/// raw/, comparing each with the bytes and sha256 listed: the whole chain from a published number
/// back to the bytes fetched, checked end to end (what <c>aienergy verify</c> reports). Each file
/// is streamed, so a run of many large files is checked in constant memory.
/// </summary>
public static class RunVerification
{
    private const int BufferBytes = 1 << 20;

    /// <param name="inputs">Whether to check the inputs in raw/ too (the largest files of a live run).</param>
    public static async IAsyncEnumerable<FileCheck> CheckAsync(IDatasetStore store, DataPackage package, bool inputs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var resource in package.Resources)
        {
            yield return await CheckAsync(store, $"{RunPublisher.RunFolder(package.Id)}/{resource.Path}", FileRole.Published, resource.Sha256, resource.Bytes, cancellationToken);
        }

        if (!inputs)
        {
            yield break;
        }

        // Several sources' entries may name one archived file (the same bytes fetched twice): checked once.
        foreach (var source in package.Sources.DistinctBy(s => s.RawPath, StringComparer.Ordinal))
        {
            yield return await CheckAsync(store, source.RawPath, FileRole.Input, source.Sha256, source.Bytes, cancellationToken);
        }
    }

    private static async Task<FileCheck> CheckAsync(IDatasetStore store, string path, FileRole role, string? sha256, long bytes, CancellationToken cancellationToken)
    {
        if (!StorePath.IsValid(path))
        {
            return new FileCheck(path, role, FileCheckStatus.Damaged, 0, "the data package lists it under a path that is not a valid store path");
        }

        await using var opened = await store.OpenReadAsync(path, cancellationToken);
        if (opened is null)
        {
            return new FileCheck(path, role, FileCheckStatus.Missing, 0, "listed in the data package, missing from the store");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferBytes];
        long read = 0;
        int n;
        while ((n = await opened.Content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, n);
            read += n;
        }

        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (read != bytes)
        {
            return new FileCheck(path, role, FileCheckStatus.Damaged, read, $"{read:N0} bytes, {bytes:N0} listed");
        }

        return string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase)
            ? new FileCheck(path, role, FileCheckStatus.Ok, read, "")
            : new FileCheck(path, role, FileCheckStatus.Damaged, read, $"sha256 {actual}, {sha256} listed");
    }
}
