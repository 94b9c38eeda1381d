using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// Normalises a partition's file while it downloads, for a normaliser that reads front to back
/// (<see cref="IPartitionNormaliser.ReadsWhileDownloading"/>): the download is a second of network
/// and hashing per hundreds of MB, and the normaliser need not wait for it. The reading never gets
/// ahead of the bytes written, and a download that starts again from the beginning stops it
/// (<see cref="BodyRestartedException"/>). Its outputs are used only for the body that completed;
/// whenever anything went otherwise (no body, a restart, a failure of any kind) the caller
/// normalises the archived file as before, which gives the same outputs, or the same failure.
/// </summary>
internal sealed class NormalisationBesideDownload(IPartitionNormaliser normaliser, string outputDirectory, string partName, TimeProvider time, PartitionQuarantine quarantine, CancellationToken cancellationToken) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    private Task<PartitionResult?>? _run;

    /// <summary>Why the last result was not used, for the log; null when it was, or none was asked for.</summary>
    public string? NotUsedBecause { get; private set; }

    /// <summary>Starts normalising the body of <paramref name="download"/> once it starts to arrive (for <see cref="RawArchive.DownloadStarting"/>).</summary>
    public void Start(BodyDestination download, string source, string fileName)
    {
        // One file per partition: a second download (a 304 for a copy of another origin, asked again
        // whole) is not read beside; the first ended without a body, so the archived file is normalised.
        _run ??= Task.Run(() => RunAsync(download, source, fileName));
    }

    /// <summary>
    /// The outputs of the body that became <paramref name="fetched"/>, with the quarantine pointing
    /// at its archived bytes; null when they cannot be used (<see cref="NotUsedBecause"/> says why).
    /// </summary>
    public async Task<(PartitionResult Result, IReadOnlyList<QuarantineRecord> Quarantine)?> ResultForAsync(FetchedFile fetched)
    {
        if (_run is null || fetched.NotModified)
        {
            NotUsedBecause = "no body was downloaded";
            return null;
        }

        try
        {
            if (await _run is not { } result)
            {
                NotUsedBecause = "no body was downloaded";
                return null;
            }

            return (result, [.. quarantine.Records.Select(q => q with { RawPath = fetched.RawPath })]);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            NotUsedBecause = e.Message;
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            try
            {
                await _run;
            }
            catch (Exception)
            {
                // Stopped, or failed on a body whose fetch failed: the fetch's failure is the one reported.
            }
        }

        _stop.Dispose();
    }

    private async Task<PartitionResult?> RunAsync(BodyDestination download, string source, string fileName)
    {
        await download.BodyStarted.WaitAsync(_stop.Token);
        if (!download.HasBody)
        {
            return null;
        }

        var file = FetchedFile.WhileDownloading(source, fileName, download, time.GetUtcNow());
        return await normaliser.NormaliseAsync(file, outputDirectory, partName, quarantine.Add, _stop.Token);
    }
}
