using AiEnergyPipeline.Storage;
using System.Security.Cryptography;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// Streams fetched bytes to local disk while hashing them, then stores them once under
/// raw/{source}/{sha256}.{ext}. Bytes already archived are recognised and not written again.
/// A file downloaded by <see cref="WholeBodyRetryHandler"/> into a <see cref="BodyDestination"/>
/// is already on disk and hashed: it is handed to the store as it is (<see cref="ArchiveDownloadedAsync"/>).
/// </summary>
public sealed class RawArchive(IDatasetStore store, string workDirectory)
{
    /// <summary>The store folder of every archived input file.</summary>
    public const string Folder = "raw/";

    public IDatasetStore Store => store;

    /// <summary>
    /// Told of every body about to be downloaded for this archive, before its request is sent, so
    /// that a caller can read it while it arrives (<see cref="BodyDestination.OpenWhileDownloading"/>).
    /// </summary>
    public Action<BodyDestination>? DownloadStarting { get; init; }

    /// <summary>
    /// When the run this archive serves began: a file this run already fetched or confirmed unchanged
    /// (its fetch state says so at or after this time, from the same URL) is not asked for again.
    /// The plan's search for EIA-860M's newest month asks for that workbook; its partition then takes it from there.
    /// </summary>
    public DateTimeOffset? CheckedSince { get; init; }

    /// <summary>A new local path for a file of <paramref name="source"/> in this archive's work folder.</summary>
    public string NewLocalPath(string source, string extension) => Path.Combine(workDirectory, $"{source}-{Guid.NewGuid():N}.{extension}");

    /// <summary>
    /// Makes sure a fetched file's bytes are on local disk: a file the source answered with 304 Not
    /// Modified is copied from the raw archive the first time a normaliser needs it.
    /// </summary>
    public async Task EnsureLocalAsync(FetchedFile file, CancellationToken cancellationToken)
    {
        if (File.Exists(file.LocalPath))
        {
            return;
        }

        await using var opened = await store.OpenReadAsync(file.RawPath, cancellationToken)
            ?? throw new SourceException(file.Source, file.FileName, $"the archived bytes {file.RawPath} are missing from the store.");
        Directory.CreateDirectory(Path.GetDirectoryName(file.LocalPath)!);
        var temp = file.LocalPath + ".part";
        await using (var local = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await opened.Content.CopyToAsync(local, cancellationToken);
        }

        File.Move(temp, file.LocalPath, overwrite: true);
    }

    public async Task<FetchedFile> ArchiveAsync(string source, string fileName, string extension, Stream content, SourceProvenance provenance, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        var localPath = NewLocalPath(source, extension);
        string sha256;
        long bytes;
        await using (var file = new FileStream(localPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: true))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            bytes = file.Length;
        }

        return await ArchiveDownloadedAsync(source, fileName, extension, localPath, sha256, bytes, provenance, cancellationToken);
    }

    /// <summary>
    /// Archives a file already downloaded whole to <paramref name="localPath"/> (in this archive's
    /// work folder) and hashed as it was written (<see cref="BodyDestination"/>): the store takes
    /// the file (a folder store moves it in), and the normaliser then reads the archived bytes
    /// themselves where the store keeps them on this disk, else the download.
    /// </summary>
    public async Task<FetchedFile> ArchiveDownloadedAsync(string source, string fileName, string extension, string localPath, string sha256, long bytes, SourceProvenance provenance, CancellationToken cancellationToken)
    {
        var rawPath = $"{Folder}{source}/{sha256}.{extension}";
        var alreadyArchived = await store.GetInfoAsync(rawPath, cancellationToken) is not null;
        if (!alreadyArchived)
        {
            try
            {
                await store.WriteFileAsync(rawPath, localPath, WriteCondition.IfNotExists, new StoreWriteOptions(ContentTypes.ForExtension(extension), AsciiOnly(Metadata(source, fileName, sha256, provenance))), cancellationToken);
            }
            catch (StoreConditionFailedException)
            {
                // Another run archived the same bytes meanwhile: content addressing makes that harmless.
                alreadyArchived = true;
            }
        }

        // Archived objects never change (content addressing), so reading the store's own file is safe.
        if (!File.Exists(localPath) && store.LocalPathOf(rawPath) is { } archived)
        {
            localPath = archived;
        }

        return new FetchedFile(source, fileName, rawPath, sha256, bytes, provenance.Url, provenance.FetchedAtUtc, provenance.ETag, provenance.LastModified, localPath, alreadyArchived,
            Origin: provenance.Origin, SampleOf: provenance.SampleOf, RecordedAtUtc: provenance.RecordedAtUtc);
    }

    private static Dictionary<string, string> Metadata(string source, string fileName, string sha256, SourceProvenance provenance)
    {
        var metadata = new Dictionary<string, string>
        {
            ["source"] = source,
            ["file_name"] = fileName,
            ["url"] = provenance.Url,
            ["origin"] = provenance.Origin.ToString().ToLowerInvariant(),
            ["sha256"] = sha256,
        };
        if (provenance.Origin == InputOrigin.Fetched)
        {
            // A sample or a replayed recording was not fetched now: no time that says it was.
            metadata["fetched_at"] = provenance.FetchedAtUtc.ToString("O");
        }

        if (provenance.RecordedAtUtc is { } recordedAt)
        {
            metadata["recorded_at"] = recordedAt.ToString("O");
        }

        if (provenance.ETag is not null)
        {
            metadata["source_etag"] = provenance.ETag;
        }

        if (provenance.LastModified is not null)
        {
            metadata["source_last_modified"] = provenance.LastModified;
        }

        return metadata;
    }

    // Blob metadata values must be ASCII.
    private static Dictionary<string, string> AsciiOnly(Dictionary<string, string> metadata) =>
        metadata.ToDictionary(p => p.Key, p => new string(p.Value.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray()));
}
