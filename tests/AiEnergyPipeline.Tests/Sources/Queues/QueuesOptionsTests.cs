using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Hosting;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Tests.Sources.Queues;

public class QueuesOptionsTests
{
    [Fact]
    public void Resolve_NothingSet_IsOneLbnlWorkbookAtTheDefaultUrl()
    {
        var file = Assert.Single(new QueuesOptions().Resolve());

        Assert.Equal((QueuesOptions.DefaultLbnlUrl, QueueFileFormat.Lbnl, "LBNL_Ix_Queue_Data_File_thru2025.xlsx", (string?)null), (file.Url.ToString(), file.Format, file.FileName, file.Region));
    }

    [Fact]
    public void Resolve_BlankEntries_MeanTheDefault()
    {
        var options = new QueuesOptions { Files = [new QueueFileOptions { Url = " ", Format = "", Region = "" }] };

        Assert.Equal(QueuesOptions.DefaultLbnlUrl, Assert.Single(options.Resolve()).Url.ToString());
    }

    [Fact]
    public void Resolve_LbnlEntryWithoutUrl_UsesTheDefaultUrl()
    {
        var options = new QueuesOptions { Files = [new QueueFileOptions { Format = "LBNL", Sheet = "data" }] };

        var file = Assert.Single(options.Resolve());

        Assert.Equal((QueuesOptions.DefaultLbnlUrl, "data"), (file.Url.ToString(), file.Sheet));
    }

    [Fact]
    public void Resolve_GridstatusEntry_CanonicalisesItsRegionAndNamesTheFileAfterTheUrl()
    {
        var options = new QueuesOptions { Files = [new QueueFileOptions { Url = "https://x.example/queues/isone%20queue.csv?v=2", Format = "gridstatus", Region = "isone" }] };

        var file = Assert.Single(options.Resolve());

        Assert.Equal((QueueFileFormat.Gridstatus, "ISO-NE", "isone queue.csv"), (file.Format, file.Region, file.FileName));
    }

    [Theory]
    [InlineData("https://x.example/pjm.csv", "gridstatus", null, "Sources:Queues:Files:0:Region is not set")]
    [InlineData(null, "gridstatus", "PJM", "Sources:Queues:Files:0:Url is not set.")]
    [InlineData("https://x.example/q.xlsx", "excel", null, "Sources:Queues:Files:0:Format is 'excel'; use lbnl, gridstatus, pjm, caiso, nyiso, ercot, spp, miso, isone.")]
    [InlineData("https://x.example/q.xlsx", "1", null, "Sources:Queues:Files:0:Format is '1'; use lbnl, gridstatus, pjm, caiso, nyiso, ercot, spp, miso, isone.")]
    [InlineData("ftp://x.example/q.xlsx", null, null, "Sources:Queues:Files:0:Url 'ftp://x.example/q.xlsx' is not an http(s) URL.")]
    [InlineData("https://x.example/q.xlsx", "pjm", null, "Sources:Queues:Files:0:Method is 'PUT'; use GET or POST.", "PUT")]
    public void Resolve_IncompleteEntry_FailsNamingTheSetting(string? url, string? format, string? region, string message, string? method = null)
    {
        var options = new QueuesOptions { Files = [new QueueFileOptions { Url = url, Format = format, Region = region, Method = method }] };

        var error = Assert.Throws<InvalidOperationException>(() => options.Resolve());

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_OfflineRun_AreTheSnapshotsTenFiles()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pipeline:Mode"] = "Snapshot" }).Build();
        using var services = new ServiceCollection().AddLogging().AddSources(configuration).BuildServiceProvider();

        var files = services.GetRequiredService<IOptions<QueuesOptions>>().Value.Resolve();

        Assert.Equal([QueueFileFormat.Lbnl, QueueFileFormat.Gridstatus, QueueFileFormat.Pjm, QueueFileFormat.Caiso, QueueFileFormat.Nyiso, QueueFileFormat.Ercot, QueueFileFormat.Isone, QueueFileFormat.Spp, QueueFileFormat.Spp, QueueFileFormat.Miso], files.Select(f => f.Format));
        Assert.Equal([null, "PJM", "PJM", "CAISO", "NYISO", "ERCOT", "ISO-NE", "SPP", "SPP", "MISO"], files.Select(f => f.Region));
        Assert.All(files, f => Assert.NotNull(Snapshot.Load(Snapshot.DefaultRoot).Find(f.Url)));
        // Offline, PJM's workbook is asked by GET (no key needed) and ERCOT's report by its address (no list to look it up in).
        Assert.DoesNotContain(files, f => f.NeedsPjmKey || f.FromDocumentList);
    }

    [Fact]
    public void Options_LiveRunWithOneUrlSetting_FetchesThatWorkbook()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pipeline:Mode"] = "Live",
            ["Sources:Queues:Files:0:Url"] = "https://emp.lbl.gov/sites/default/files/2027-05/LBNL_Ix_Queue_Data_File_thru2026.xlsx",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddSources(configuration).BuildServiceProvider();

        var file = Assert.Single(services.GetRequiredService<IOptions<QueuesOptions>>().Value.Resolve());

        Assert.Equal(("LBNL_Ix_Queue_Data_File_thru2026.xlsx", QueueFileFormat.Lbnl), (file.FileName, file.Format));
    }

    [Theory]
    [InlineData("caiso", "https://www.caiso.com/PublishedDocuments/PublicQueueReport.xlsx", "PublicQueueReport.xlsx", "CAISO")]
    [InlineData("NYISO", "https://www.nyiso.com/documents/20142/1407078/NYISO-Interconnection-Queue.xlsx", "NYISO-Interconnection-Queue.xlsx", "NYISO")]
    [InlineData("pjm", "https://services.pjm.com/PJMPlanningApi/api/Queue/ExportToXls", "pjm_ExportToXls.xlsx", "PJM")]
    [InlineData("isone", "https://irtt.iso-ne.com/reports/external", "isone_external.html", "ISO-NE")]
    public void Resolve_IsoFormatWithoutUrl_IsTheIsosDownloadAndRegion(string format, string url, string fileName, string region)
    {
        var file = Assert.Single(new QueuesOptions { Files = [new QueueFileOptions { Format = format, Region = "ignored" }] }.Resolve());

        Assert.Equal((url, fileName, region), (file.Url.ToString(), file.FileName, file.Region));
    }

    [Theory]
    [InlineData("https://irtt.iso-ne.com/reports/exportpublicqueue?ReportDate=639000000000000000&Status=&Jurisdiction=", "isone_exportpublicqueue.xlsx")]
    [InlineData("https://mirror.example/isone/external/", "isone_external.html")]
    [InlineData("https://mirror.example/isone/queue.xlsx", "queue.xlsx")]
    public void Resolve_IsoNeEntryWithUrl_IsNamedAPageUnlessItIsTheExport(string url, string fileName)
    {
        var file = Assert.Single(new QueuesOptions { Files = [new QueueFileOptions { Format = "isone", Url = url }] }.Resolve());

        Assert.Equal((fileName, "ISO-NE"), (file.FileName, file.Region));
    }

    [Theory]
    [InlineData("pjm", null, "POST", true)]
    [InlineData("pjm", "get", "GET", false)]
    [InlineData("caiso", null, "GET", false)]
    [InlineData("caiso", "Post", "POST", false)]
    public void Resolve_Method_IsPostForPjmByDefaultAndOnlyPjmsPostNeedsItsKey(string format, string? method, string expected, bool needsKey)
    {
        var file = Assert.Single(new QueuesOptions { Files = [new QueueFileOptions { Format = format, Method = method }] }.Resolve());

        Assert.Equal((expected, needsKey), (file.Method.Method, file.NeedsPjmKey));
    }

    [Fact]
    public void Resolve_ErcotEntryWithoutUrl_LooksUpTheNewestReportInErcotsDocumentList()
    {
        var file = Assert.Single(new QueuesOptions { Files = [new QueueFileOptions { Format = "ercot" }] }.Resolve());

        Assert.Equal((IsoQueueFormats.DefaultErcotDocumentListUrl, true, "ercot_mirDownload.xlsx", "ERCOT"), (file.Url.ToString(), file.FromDocumentList, file.FileName, file.Region));
    }

    [Fact]
    public void Resolve_ErcotEntryWithTheReportsUrl_FetchesThatReport()
    {
        var file = Assert.Single(new QueuesOptions { Files = [new QueueFileOptions { Format = "ercot", Url = "https://www.ercot.com/misdownload/servlets/mirDownload?doclookupId=1100000001" }] }.Resolve());

        Assert.Equal((false, "ercot_mirDownload.xlsx"), (file.FromDocumentList, file.FileName));
    }
}
