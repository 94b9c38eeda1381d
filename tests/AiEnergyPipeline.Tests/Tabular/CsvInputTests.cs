using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Ember;
using AiEnergyPipeline.Tabular;
using System.Text;

namespace AiEnergyPipeline.Tests.Tabular;

/// <summary>
/// CSV records are bounded by CsvHelper's MaxRecordSize (Sources:Limits:MaxCsvRecordBytes): a
/// line that never ends, or a quote never closed, fails the file instead of growing a buffer to
/// the size of the file.
/// </summary>
public class CsvInputTests
{
    private static readonly FetchedFile File = TestFiles.Fetched("ember", "yearly_full_release_long_format.csv");

    /// <summary>A header, one good row, then one line of <paramref name="length"/> bytes with no end.</summary>
    private static MemoryStream OverLongLine(int length, string header = "Area,Year,Value")
    {
        var text = Encoding.UTF8.GetBytes($"{header}\nWorld,2024,1\n");
        var bytes = new byte[text.Length + length];
        text.CopyTo(bytes, 0);
        bytes.AsSpan(text.Length).Fill((byte)'a');
        return new MemoryStream(bytes);
    }

    [Fact]
    public void Read_LineOf64MegabytesWithDefaultLimits_FailsTheFileNamingLineAndSettingInFlatMemory()
    {
        using var content = OverLongLine(64 << 20);

        var error = AllocationProbe.Throws<SourceException>(() =>
        {
            using var csv = CsvInput.Open(content, File.Source, File.FileName, CsvHelper.CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true }, null);
            while (CsvInput.Read(csv, File.Source, File.FileName, null))
            {
            }
        });

        Assert.Equal("ember: yearly_full_release_long_format.csv: the record at line 3 (in bytes) is larger than the limit of 1,048,576 (raise Sources:Limits:MaxCsvRecordBytes if the file is genuine).", error.Message);
    }

    [Fact]
    public void Open_HeaderLongerThanTheLimit_FailsTheFile()
    {
        using var content = new MemoryStream(new byte[300_000].Select(_ => (byte)'h').ToArray());

        var error = Assert.Throws<SourceException>(() => CsvInput.Open(content, File.Source, File.FileName, CsvHelper.CsvReaderOptions.Default, new SourceLimitsOptions { MaxCsvRecordBytes = 100_000 }));

        Assert.Contains("is larger than the limit of 100,000 (raise Sources:Limits:MaxCsvRecordBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmberRead_UnclosedQuoteRunningToTheEnd_FailsTheFileNamingTheSetting()
    {
        var text = "Area,ISO 3 code,Year,Category,Subcategory,Variable,Unit,Value\nWorld,WLD,2024,Capacity,Fuel,Solar,GW,\"" + new string('x', 500_000) + "\n" + new string('y', 500_000);
        using var content = TestFiles.Utf8(text);

        var error = AllocationProbe.Throws<SourceException>(() => EmberCapacityCsv.Read(content, File, _ => { }, null, new SourceLimitsOptions { MaxCsvRecordBytes = 200_000 }).ToList());

        Assert.Contains("ember: yearly_full_release_long_format.csv: the record at line 2 (in bytes) is larger than the limit of 200,000", error.Message, StringComparison.Ordinal);
    }
}
