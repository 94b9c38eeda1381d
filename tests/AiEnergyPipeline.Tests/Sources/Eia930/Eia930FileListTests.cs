using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Storage;
using System.Text;

namespace AiEnergyPipeline.Tests.Sources.Eia930;

public class Eia930FileListTests
{
    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Read_EveryTypeOfFile_ReturnsTheBalanceFilesInOrderOfTime()
    {
        var list = Csv("YEAR,PERIOD,FILENAME,DESCRIPTION\r\n"
            + "2024,Jul_Dec,EIA930_BALANCE_2024_Jul_Dec.csv,\"Balance, July - December 2024\"\r\n"
            + "2024,Jul_Dec,EIA930_INTERCHANGE_2024_Jul_Dec.csv,Interchange\r\n"
            + "2015,Jan_Jun,EIA930_BALANCE_2015_Jan_Jun.csv,Balance\r\n"
            + "2024,Jan_Jun,EIA930_SUBREGION_2024_Jan_Jun.csv,Subregion\r\n"
            + "2024,Jan_Jun,https://www.eia.gov/electricity/gridmonitor/sixMonthFiles/EIA930_BALANCE_2024_Jan_Jun.csv,Balance\r\n");

        var (files, skipped) = Eia930FileList.Read(list, "eia930_bulk");

        Assert.Equal(["2015_h1", "2024_h1", "2024_h2"], files.Select(f => f.PartitionName));
        Assert.Equal("EIA930_BALANCE_2024_Jan_Jun.csv", files[1].FileName);
        Assert.Empty(skipped);
    }

    [Fact]
    public void Read_BalanceRowWithAnUnexpectedName_IsSkippedWithItsLine()
    {
        var list = Csv("YEAR,PERIOD,FILENAME,DESCRIPTION\n2024,Jan_Jun,EIA930_BALANCE_2024_Jan_Jun.csv,x\n2024,Q3,EIA930_BALANCE_2024_Q3.csv,x\n");

        var (files, skipped) = Eia930FileList.Read(list, "eia930_bulk");

        Assert.Single(files);
        Assert.Equal("line 3: 'EIA930_BALANCE_2024_Q3.csv' is not a six-month BALANCE file name", Assert.Single(skipped));
    }

    [Theory]
    [InlineData("YEAR,PERIOD,NAME\n2024,Jan_Jun,EIA930_BALANCE_2024_Jan_Jun.csv\n", "eia930_bulk: EIA930_File_List_Meta.csv: required column missing: 'FILENAME' (columns: YEAR, PERIOD, NAME).")]
    [InlineData("<!DOCTYPE html><html>Not found</html>", "eia930_bulk: EIA930_File_List_Meta.csv: the server answered with an HTML page, not the data file.")]
    [InlineData("", "eia930_bulk: EIA930_File_List_Meta.csv: the file is empty.")]
    public void Read_NotAFileList_ThrowsNamingTheList(string text, string message)
    {
        var error = Assert.Throws<SourceException>(() => Eia930FileList.Read(Csv(text), "eia930_bulk"));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("EIA930_BALANCE_2015_Jan_Jun.csv", "2015_h1")]
    [InlineData("EIA930_BALANCE_2026_Jul_Dec.csv", "2026_h2")]
    public void BalanceHalfYear_FileNameAndPartition_MapBothWays(string fileName, string partition)
    {
        Assert.Equal(partition, BalanceHalfYear.FromFileName(fileName)!.PartitionName);
        Assert.Equal(fileName, BalanceHalfYear.FromPartitionName(partition)!.FileName);
    }

    [Theory]
    [InlineData("EIA930_INTERCHANGE_2015_Jan_Jun.csv")]
    [InlineData("EIA930_BALANCE_2015_Jan_Jun.csv.bak")]
    [InlineData("../EIA930_BALANCE_2015_Jan_Jun.csv")]
    public void BalanceHalfYear_OtherNames_AreNotBalanceFiles(string fileName)
    {
        Assert.Null(BalanceHalfYear.FromFileName(fileName));
    }

    [Theory]
    [InlineData("2024_H1")]
    [InlineData("2024_h3")]
    [InlineData("../2024_h1")]
    [InlineData("api")]
    public void BalanceHalfYear_OtherPartitionNames_AreRefused(string name)
    {
        Assert.Null(BalanceHalfYear.FromPartitionName(name));
    }

    [Theory]
    [InlineData("EIA930_BALANCE_2024_Jan_Jun.csv", "EIA930_BALANCE_2024_Jan_Jun.csv")]
    [InlineData("queued up (2025).xlsx", "queued_up__2025_.xlsx")]
    [InlineData(".hidden", "_.hidden")]
    [InlineData("../x", "_.._x")]
    public void FetchStateSegment_AnyFileName_IsASafePathSegment(string name, string segment)
    {
        Assert.Equal(segment, FetchState.Segment(name));
        Assert.True(AiEnergyPipeline.Storage.StorePath.IsValid(FetchState.PathOf("queues", name)));
    }
}
