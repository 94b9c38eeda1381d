using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AiEnergyPipeline.Storage;

/// <summary>
/// A store in a local folder. Writes go to a temporary file that is moved into place, so readers
/// never see half an object; conditional writes take a lock file so that they hold across processes.
/// Content type and metadata live beside the data under ".meta/".
/// </summary>
public sealed class FileSystemDatasetStore : IDatasetStore, ITemporaryObjects
{
    private const string MetaFolder = ".meta";
    private const string TempSuffix = ".tmp";
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);
    private readonly string _root;

    public FileSystemDatasetStore(string root)
    {
        // Made by the first write, not here: a command that only reads a mistyped folder must not leave it behind.
        _root = Path.GetFullPath(root);
    }

    public string Description => _root;

    public Task<string> WriteAsync(string path, Stream content, WriteCondition condition, StoreWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteAsync(path, async (temp, ct) =>
        {
            await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await content.CopyToAsync(file, ct);
        }, condition, options, cancellationToken);

    /// <summary>Moves the file in (a copy only when it is on another volume): its bytes are written once.</summary>
    public Task<string> WriteFileAsync(string path, string localFile, WriteCondition condition, StoreWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteAsync(path, (temp, _) =>
        {
            File.Move(localFile, temp);
            return Task.CompletedTask;
        }, condition, options, cancellationToken);

    public string? LocalPathOf(string path)
    {
        var target = FullPath(path);
        return File.Exists(target) ? target : null;
    }

    private async Task<string> WriteAsync(string path, Func<string, CancellationToken, Task> writeTemp, WriteCondition condition, StoreWriteOptions? options, CancellationToken cancellationToken)
    {
        var target = FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + "." + Guid.NewGuid().ToString("N") + TempSuffix;
        try
        {
            await writeTemp(temp, cancellationToken);
            if (condition == WriteCondition.None)
            {
                await CommitAsync(path, temp, target, options, cancellationToken);
            }
            else
            {
                await using var storeLock = await AcquireLockAsync(cancellationToken);
                CheckCondition(path, target, condition);
                await CommitAsync(path, temp, target, options, cancellationToken);
            }

            return ETagOf(new FileInfo(target));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<StoredObject?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var target = FullPath(path);
        FileStream stream;
        try
        {
            stream = new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        var info = await InfoAsync(path, new FileInfo(target), cancellationToken);
        return new StoredObject(info, stream);
    }

    public async Task<StoredObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(FullPath(path));
        return file.Exists ? await InfoAsync(path, file, cancellationToken) : null;
    }

    public async IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StorePath.ValidatePrefix(prefix);
        if (!Directory.Exists(_root))
        {
            yield break;
        }

        var paths = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && StorePath.IsValid(p) && !p.EndsWith(TempSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = await GetInfoAsync(path, cancellationToken);
            if (info is not null)
            {
                yield return info;
            }
        }
    }

    public async Task<string> CopyAsync(string from, string to, CancellationToken cancellationToken = default)
    {
        var source = FullPath(from);
        var target = FullPath(to);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"'{from}' was not copied to '{to}': there is no object at '{from}'.", from);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + "." + Guid.NewGuid().ToString("N") + TempSuffix;
        try
        {
            File.Copy(source, temp);
            // A copy is written now, as a blob store's copy is: File.Copy keeps the source's time, which
            // made a copy's temporary file look old to a racing sweep and backdated its Last-Modified.
            File.SetLastWriteTimeUtc(temp, DateTime.UtcNow);
            var info = await InfoAsync(from, new FileInfo(source), cancellationToken);
            await CommitAsync(to, temp, target, new StoreWriteOptions(info.ContentType, info.Metadata), cancellationToken);
            return ETagOf(new FileInfo(target));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var target = FullPath(path);
        if (!File.Exists(target))
        {
            return Task.FromResult(false);
        }

        File.Delete(target);
        PruneEmptyFolders(Path.GetDirectoryName(target)!);
        var meta = MetaPath(path);
        if (File.Exists(meta))
        {
            File.Delete(meta);
            PruneEmptyFolders(Path.GetDirectoryName(meta)!);
        }
        return Task.FromResult(true);
    }

    /// <summary>
    /// The temporary files of writes in flight or abandoned. A write that commits while they are
    /// listed renames its file away: such a file is left out, not an error (the sweep runs beside writes).
    /// </summary>
    public IReadOnlyList<StoredObjectInfo> ListTemporary()
    {
        var found = new List<StoredObjectInfo>();
        if (!Directory.Exists(_root))
        {
            return found;
        }

        // Nothing skipped as hidden: on Linux that is any name starting with a dot, such as the sidecars' .meta folder.
        var files = Directory.EnumerateFiles(_root, "*" + TempSuffix, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.None });
        foreach (var f in files)
        {
            // A sidecar's half write (".meta/..."), left by a crash between its write and its move, is litter too.
            var path = Path.GetRelativePath(_root, f).Replace(Path.DirectorySeparatorChar, '/');
            if (!StorePath.IsValid(WithoutMetaFolder(path)))
            {
                continue;
            }

            try
            {
                var file = new FileInfo(f);
                found.Add(new StoredObjectInfo(path, ETagOf(file), file.Length, null, new Dictionary<string, string>(), new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)));
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // Committed (renamed) since it was listed.
            }
        }

        return [.. found.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    public bool DeleteTemporary(string path)
    {
        if (!path.EndsWith(TempSuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{path}' is not a temporary file of this store.", nameof(path));
        }

        var target = Path.Combine(_root, StorePath.Validate(WithoutMetaFolder(path)).Replace('/', Path.DirectorySeparatorChar));
        if (path.StartsWith(MetaFolder + "/", StringComparison.Ordinal))
        {
            target = Path.Combine(_root, MetaFolder, Path.GetRelativePath(_root, target));
        }

        if (!File.Exists(target))
        {
            return false;
        }

        File.Delete(target);
        PruneEmptyFolders(Path.GetDirectoryName(target)!);
        return true;
    }

    /// <summary>Removes <paramref name="folder"/> and its parents while empty, up to the root: a deleted run leaves no empty folders behind.</summary>
    private void PruneEmptyFolders(string folder)
    {
        var metaRoot = Path.Combine(_root, MetaFolder);
        while (folder.Length > _root.Length && folder.StartsWith(_root, StringComparison.Ordinal) && folder != metaRoot)
        {
            try
            {
                if (!Directory.Exists(folder) || Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    return;
                }

                Directory.Delete(folder);
            }
            catch (IOException)
            {
                // A writer just created something in it: the folder is in use, keep it.
                return;
            }

            folder = Path.GetDirectoryName(folder)!;
        }
    }

    /// <summary>A temporary file's path without the sidecars' folder, to be checked as any store path.</summary>
    private static string WithoutMetaFolder(string path) =>
        path.StartsWith(MetaFolder + "/", StringComparison.Ordinal) ? path[(MetaFolder.Length + 1)..] : path;

    private string FullPath(string path) =>
        Path.Combine(_root, StorePath.Validate(path).Replace('/', Path.DirectorySeparatorChar));

    private string MetaPath(string path) =>
        Path.Combine(_root, MetaFolder, path.Replace('/', Path.DirectorySeparatorChar) + ".json");

    private static void CheckCondition(string path, string target, WriteCondition condition)
    {
        var existing = new FileInfo(target);
        if (condition.IfNoneExists && existing.Exists)
        {
            throw new StoreConditionFailedException(path, $"'{path}' already exists.");
        }

        if (condition.IfMatch is { } expected && (!existing.Exists || ETagOf(existing) != expected))
        {
            throw new StoreConditionFailedException(path, $"'{path}' has changed since it was read (ETag mismatch).");
        }
    }

    private async Task CommitAsync(string path, string temp, string target, StoreWriteOptions? options, CancellationToken cancellationToken)
    {
        var meta = MetaPath(path);
        if (options is { ContentType: not null } or { Metadata.Count: > 0 })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(meta)!);
            var sidecar = new Sidecar(options.ContentType, options.Metadata ?? new Dictionary<string, string>());
            // Written aside, then moved: a process killed mid-write leaves the old sidecar or none,
            // never an empty one that every later listing of the store would stumble on.
            var metaTemp = meta + "." + Guid.NewGuid().ToString("N") + TempSuffix;
            try
            {
                await File.WriteAllTextAsync(metaTemp, JsonSerializer.Serialize(sidecar), cancellationToken);
                File.Move(metaTemp, meta, overwrite: true);
            }
            finally
            {
                File.Delete(metaTemp);
            }
        }
        else if (File.Exists(meta))
        {
            File.Delete(meta);
        }

        File.Move(temp, target, overwrite: true);
    }

    private async Task<StoredObjectInfo> InfoAsync(string path, FileInfo file, CancellationToken cancellationToken)
    {
        Sidecar? sidecar = null;
        var meta = MetaPath(path);
        if (File.Exists(meta))
        {
            try
            {
                sidecar = JsonSerializer.Deserialize<Sidecar>(await File.ReadAllTextAsync(meta, cancellationToken));
            }
            catch (JsonException)
            {
                // A sidecar damaged by an older version killed mid-write: the object stays readable
                // and listable, without its content type and metadata, rather than the store failing.
                sidecar = null;
            }
        }

        return new StoredObjectInfo(path, ETagOf(file), file.Length, sidecar?.ContentType, sidecar?.Metadata ?? new Dictionary<string, string>(), new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
    }

    // The last write time (to the tick) and length identify a version well enough here: every
    // write replaces the file with a new one, so the time moves on with each write.
    private static string ETagOf(FileInfo file) =>
        $"\"{file.LastWriteTimeUtc.Ticks:x}-{file.Length:x}\"";

    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var lockPath = Path.Combine(_root, MetaFolder, "write.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
        }
    }

    private sealed record Sidecar(string? ContentType, IReadOnlyDictionary<string, string> Metadata);
}
