using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Eia860m;

namespace AiEnergyPipeline.Tests.Sources.Eia860m;

public class Eia860mSourceTests
{
    [Theory]
    [InlineData(2026, 8, "august_generator2026.xlsx")]
    [InlineData(2025, 1, "january_generator2025.xlsx")]
    [InlineData(2024, 12, "december_generator2024.xlsx")]
    public void FileName_Month_IsLowerCaseEnglishMonthAndYear(int year, int month, string expected) =>
        Assert.Equal(expected, Eia860mSource.FileName(new DateOnly(year, month, 1)));

    [Fact]
    public void CandidateMonths_NoMonthPinned_StartAtTheCurrentUtcMonthAndGoBackMonthsBack()
    {
        // 23:30 on 31 January in New York is already February in UTC.
        var now = new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.FromHours(-5));

        var months = Eia860mSource.CandidateMonths(new Eia860mOptions { MonthsBack = 3 }, now);

        Assert.Equal([new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1), new DateOnly(2025, 12, 1), new DateOnly(2025, 11, 1)], months);
    }

    [Fact]
    public void CandidateMonths_MonthPinned_IsOnlyThatMonth()
    {
        var months = Eia860mSource.CandidateMonths(new Eia860mOptions { Month = "2026-08" }, DateTimeOffset.UnixEpoch);

        Assert.Equal([new DateOnly(2026, 8, 1)], months);
    }

    [Theory]
    [InlineData("August 2026", null, "'August 2026' is not a month such as 2026-08")]
    [InlineData(null, -1, "MonthsBack is -1; it must be 0 or more")]
    public void CandidateMonths_BadSettings_FailTheSourceSayingWhich(string? month, int? monthsBack, string message)
    {
        var settings = new Eia860mOptions { Month = month, MonthsBack = monthsBack ?? 6 };

        var error = Assert.Throws<SourceException>(() => Eia860mSource.CandidateMonths(settings, DateTimeOffset.UnixEpoch));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.eia.gov/electricity/data/eia860m/")]
    [InlineData("https://www.eia.gov/electricity/data/eia860m")]
    public void WorkbookUrls_WithOrWithoutFinalSlash_AreTheCurrentThenTheArchiveAddress(string root)
    {
        var urls = Eia860mSource.WorkbookUrls(new Uri(root), new DateOnly(2026, 8, 1));

        Assert.Equal(
            ["https://www.eia.gov/electricity/data/eia860m/xls/august_generator2026.xlsx", "https://www.eia.gov/electricity/data/eia860m/archive/xls/august_generator2026.xlsx"],
            urls.Select(u => u.AbsoluteUri));
    }

    [Theory]
    [InlineData(2025, 11, false)]
    [InlineData(2025, 10, true)]
    [InlineData(2016, 1, true)]
    public void WorkbookUrls_MonthOverAYearOld_AreTheArchiveThenTheCurrentAddress(int year, int month, bool archiveFirst)
    {
        var urls = Eia860mSource.WorkbookUrls(new Uri("https://www.eia.gov/electricity/data/eia860m/"), new DateOnly(year, month, 1), new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero));

        Assert.Equal(archiveFirst, urls[0].AbsolutePath.Contains("/archive/", StringComparison.Ordinal));
        Assert.Equal(2, urls.Select(u => u.AbsoluteUri).Distinct().Count());
    }
}
