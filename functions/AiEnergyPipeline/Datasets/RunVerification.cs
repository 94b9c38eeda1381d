using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using System.Runtime.CompilerServices;

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

        // Read through the same check a download goes through.
        await using var checking = new Sha256CheckingStream(opened.Content, sha256 ?? "", path);
        try
        {
            await checking.CopyToAsync(Stream.Null, BufferBytes, cancellationToken);
        }
        catch (DamagedFileException e)
        {
            return new FileCheck(path, role, FileCheckStatus.Damaged, e.Bytes, e.Bytes != bytes ? $"{e.Bytes:N0} bytes, {bytes:N0} listed" : $"sha256 {e.ActualSha256}, {e.ListedSha256} listed");
        }

        return checking.BytesRead == bytes
            ? new FileCheck(path, role, FileCheckStatus.Ok, bytes, "")
            : new FileCheck(path, role, FileCheckStatus.Damaged, checking.BytesRead, $"{checking.BytesRead:N0} bytes, {bytes:N0} listed");
    }
}
