namespace AiEnergyPipeline.Sources.Queues;

/// <summary>Settings of the interconnection queues source (section <c>Sources:Queues</c>).</summary>
public sealed class QueuesOptions
{
    public const string Section = "Sources:Queues";

    /// <summary>
    /// The LBNL "Queued Up" data file of the edition current when this was written (data through
    /// 2025, published May 2026). LBNL publishes each edition under a new path, so a newer edition
    /// needs the setting <c>Sources:Queues:Files:0:Url</c>.
    /// </summary>
    public const string DefaultLbnlUrl = "https://emp.lbl.gov/sites/default/files/2026-05/LBNL_Ix_Queue_Data_File_thru2025.xlsx";

    /// <summary>The files to fetch, in order; default: one LBNL workbook at <see cref="DefaultLbnlUrl"/>.</summary>
    // An array, not a list: the configuration binder appends to a list's default items instead of replacing them.
    public QueueFileOptions[] Files { get; set; } = [];

    /// <summary>The setting of <see cref="PjmSubscriptionKey"/>, as configuration names it.</summary>
    public const string PjmSubscriptionKeySetting = Section + ":" + nameof(PjmSubscriptionKey);

    /// <summary>
    /// The key PJM's export wants in its api-subscription-key header (the public one PJM's queue page
    /// sends); a key all the same, so never logged or shown, and a pjm entry fails without it.
    /// </summary>
    public string? PjmSubscriptionKey { get; set; }

    /// <summary>
    /// The files as the source fetches them: defaults filled in, checked. Blank settings mean
    /// defaults (settings files list every key), so an entry with nothing set is skipped.
    /// </summary>
    /// <exception cref="InvalidOperationException">An entry is incomplete or names an unknown format; the message names the setting.</exception>
    public IReadOnlyList<QueueFile> Resolve()
    {
        var files = new List<QueueFile>();
        for (var i = 0; i < Files.Length; i++)
        {
            var entry = Files[i];
            var url = Blank(entry.Url);
            var format = Blank(entry.Format);
            var region = Blank(entry.Region);
            var sheet = Blank(entry.Sheet);
            var method = Blank(entry.Method);
            if (url is null && format is null && region is null && sheet is null && method is null)
            {
                continue;
            }

            var setting = $"{Section}:Files:{i}";
            var parsed = format is null ? QueueFileFormat.Lbnl
                : Enum.TryParse<QueueFileFormat>(format, ignoreCase: true, out var f) && Enum.IsDefined(f) && !char.IsDigit(format[0]) ? f
                : throw new InvalidOperationException($"{setting}:Format is '{format}'; use {FormatNames}.");
            url ??= DefaultUrlOf(parsed) ?? throw new InvalidOperationException($"{setting}:Url is not set.");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException($"{setting}:Url '{url}' is not an http(s) URL.");
            }

            if (parsed == QueueFileFormat.Gridstatus && region is null)
            {
                throw new InvalidOperationException($"{setting}:Region is not set: a gridstatus file holds one ISO's queue and does not name it.");
            }

            // An ISO's own file holds that ISO's queue: its region is the format's, whatever the setting says.
            region = IsoQueueFormats.RegionOf(parsed) ?? region;
            // ERCOT's default is the list its monthly report is found in; any other Url is the report itself.
            var fromDocumentList = parsed == QueueFileFormat.Ercot && IsoQueueFormats.IsErcotDocumentList(uri);
            var httpMethod = method is null ? (parsed == QueueFileFormat.Pjm ? HttpMethod.Post : HttpMethod.Get)
                : IsMethod(method) ? new HttpMethod(method.ToUpperInvariant())
                : throw new InvalidOperationException($"{setting}:Method is '{method}'; use GET or POST.");
            // A file found through ERCOT's list is named after its download address, whichever month it is.
            var fileName = fromDocumentList ? FileNameOf(IsoQueueFormats.ErcotDownloadUrlOf(uri, "0"), parsed, i) : FileNameOf(uri, parsed, i);
            files.Add(new QueueFile(i, uri, parsed, region is null ? null : QueueRegions.Canonical(region), sheet, fileName, httpMethod, fromDocumentList));
        }

        return files.Count > 0 ? files : [new QueueFile(0, new Uri(DefaultLbnlUrl), QueueFileFormat.Lbnl, null, null, FileNameOf(new Uri(DefaultLbnlUrl), QueueFileFormat.Lbnl, 0), HttpMethod.Get)];
    }

    /// <summary>Whether a Method setting is one the source sends: GET or POST, any case.</summary>
    public static bool IsMethod(string method) =>
        method.Trim().Equals("GET", StringComparison.OrdinalIgnoreCase) || method.Trim().Equals("POST", StringComparison.OrdinalIgnoreCase);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string FileNameOf(Uri url, QueueFileFormat format, int index)
    {
        var last = Uri.UnescapeDataString(url.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        var name = format.ToString().ToLowerInvariant();
        // Downloads served by a script (PJM's ExportToXls, ERCOT's mirDownload) are named after the format, so that the file says what it holds.
        return last.Length == 0 ? $"{name}-{index}.{ExtensionOf(format, url)}"
            : last.Contains('.', StringComparison.Ordinal) ? last
            : $"{name}_{last}.{ExtensionOf(format, url)}";
    }

    /// <summary>
    /// The extension a file is archived with. ISO-NE's is a page (html) unless its address is the
    /// IRTT export (xlsx): a name only, the reader tells the two apart by their content.
    /// </summary>
    public static string ExtensionOf(QueueFileFormat format, Uri url) => format switch
    {
        QueueFileFormat.Gridstatus or QueueFileFormat.Spp => "csv",
        QueueFileFormat.Miso => "json",
        QueueFileFormat.Isone when !IsoQueueFormats.IsIsoNeExport(url) => "html",
        _ => "xlsx",
    };

    /// <summary>The formats' setting values, for messages: "lbnl, gridstatus, pjm, ...".</summary>
    public static string FormatNames { get; } = string.Join(", ", Enum.GetNames<QueueFileFormat>().Select(n => n.ToLowerInvariant()));

    /// <summary>The URL a format's entry fetches when its Url is blank; null where the format has none (gridstatus files); ERCOT's is the list its monthly report is found in.</summary>
    public static string? DefaultUrlOf(QueueFileFormat format) => format switch
    {
        QueueFileFormat.Lbnl => DefaultLbnlUrl,
        _ => IsoQueueFormats.DefaultUrlOf(format),
    };
}
