using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Eia860m;

namespace AiEnergyPipeline.Tests.Sources.Eia860m;

public class Eia860mVintagesTests
{
    [Fact]
    public void Default_NewestAugust2026_EveryJanuaryFrom2016AndTheThirteenNewestMonths()
    {
        var months = Eia860mVintages.Default(new Eia860mOptions(), new DateOnly(2026, 8, 1));

        Assert.Equal(Enumerable.Range(2016, 10).Select(y => new DateOnly(y, 1, 1)), months.Take(10));
        Assert.Equal(Enumerable.Range(0, 13).Select(i => new DateOnly(2025, 8, 1).AddMonths(i)), months.Skip(10));
        Assert.Equal(23, months.Count);
    }

    [Fact]
    public void Default_RecentMonthsReachBackPastJanuary_ListsEachMonthOnceInOrder()
    {
        var months = Eia860mVintages.Default(new Eia860mOptions { VintagesFromYear = 2025, RecentVintages = 3 }, new DateOnly(2026, 2, 1));

        Assert.Equal([new(2025, 1, 1), new(2025, 12, 1), new(2026, 1, 1), new(2026, 2, 1)], months);
    }

    [Fact]
    public void Configured_NamedVintages_InMonthOrderWithoutRepeats()
    {
        var months = Eia860mVintages.Configured(new Eia860mOptions { Vintages = ["2024-01", " 2023-01 ", "2024-01", ""] });

        Assert.Equal([new DateOnly(2023, 1, 1), new DateOnly(2024, 1, 1)], months);
        Assert.Null(Eia860mVintages.Configured(new Eia860mOptions()));
    }

    [Fact]
    public void Configured_EntryNotAMonth_FailsTheSourceNamingIt()
    {
        var e = Assert.Throws<SourceException>(() => Eia860mVintages.Configured(new Eia860mOptions { Vintages = ["2024-13"] }));

        Assert.Contains("'2024-13'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-01", "january_generator2024.xlsx")]
    [InlineData("2026-08", "august_generator2026.xlsx")]
    public void PartitionOf_Month_NamesThePartitionAndItsWorkbook(string partition, string fileName)
    {
        var month = Eia860mVintages.MonthOf(partition)!.Value;

        Assert.Equal((partition, fileName), (Eia860mVintages.PartitionOf(month), Eia860mSource.FileName(month)));
        Assert.Equal(month, Eia860mSource.MonthOfFileName(fileName));
        Assert.Null(Eia860mVintages.MonthOf("2024_h1"));
    }
}
