using AiEnergyPipeline.Sources.Queues;

namespace AiEnergyPipeline.Tests.Sources.Queues;

public class QueueDateTests
{
    [Theory]
    [InlineData("2027-11-15", "2027-11-15", "day")]
    [InlineData("11/15/2027", "2027-11-15", "day")]
    [InlineData("2027-11-15 00:00:00", "2027-11-15", "day")]
    [InlineData("2027-11-15T00:00:00", "2027-11-15", "day")]
    [InlineData("2027-11-15 00:00:00-05:00", "2027-11-15", "day")]
    [InlineData("04-2026", "2026-04-01", "month")]
    [InlineData("4-2026", "2026-04-01", "month")]
    [InlineData("11/2027", "2027-11-01", "month")]
    [InlineData("2027-11", "2027-11-01", "month")]
    [InlineData("Nov 2027", "2027-11-01", "month")]
    [InlineData("2028", "2028-01-01", "year")]
    [InlineData("2028.0", "2028-01-01", "year")]
    [InlineData("46341", "2026-11-15", "day")]
    [InlineData(" 11/2027\n", "2027-11-01", "month")]
    public void TryRead_TextForms_GiveIsoDateAndPrecision(string text, string iso, string precision)
    {
        Assert.True(QueueDate.TryRead(null, text, out var date));

        Assert.NotNull(date);
        Assert.Equal((iso, precision), (date.Value.Iso, date.Value.PrecisionName));
    }

    [Fact]
    public void TryRead_ExcelSerialCell_IsADay()
    {
        Assert.True(QueueDate.TryRead(44270.0, "44270", out var date));

        Assert.Equal(new QueueDate(new DateOnly(2021, 3, 15), DatePrecision.Day), date);
    }

    [Fact]
    public void TryRead_SerialWithTimeOfDay_DropsTheTime()
    {
        Assert.True(QueueDate.TryRead(44270.75, "44270.75", out var date));

        Assert.Equal("2021-03-15", date!.Value.Iso);
    }

    [Fact]
    public void TryRead_YearAsNumberCell_IsAYearNotASerial()
    {
        Assert.True(QueueDate.TryRead(2030.0, "2030", out var date));

        Assert.Equal(new QueueDate(new DateOnly(2030, 1, 1), DatePrecision.Year), date);
    }

    [Fact]
    public void TryRead_DateTimeCell_IsADay()
    {
        Assert.True(QueueDate.TryRead(new DateTime(2028, 6, 1, 0, 0, 0, DateTimeKind.Unspecified), "2028-06-01", out var date));

        Assert.Equal(new QueueDate(new DateOnly(2028, 6, 1), DatePrecision.Day), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NA")]
    [InlineData("  ")]
    [InlineData("N/A")]
    public void TryRead_Blank_IsReadAsNoDate(string text)
    {
        Assert.True(QueueDate.TryRead(null, text, out var date));

        Assert.Null(date);
    }

    [Theory]
    [InlineData("Q4 2027")]
    [InlineData("TBD")]
    [InlineData("13/2027")]
    [InlineData("2027-02-30")]
    [InlineData("-5")]
    public void TryRead_NotADate_IsFalse(string text)
    {
        Assert.False(QueueDate.TryRead(null, text, out _));
    }
}
