using CsvHelper;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>One six-month BALANCE file: the partition it makes, such as <c>2024_h1</c> for EIA930_BALANCE_2024_Jan_Jun.csv.</summary>
public sealed record BalanceHalfYear(int Year, int Half)
{
    public string FileName => $"EIA930_BALANCE_{Year.ToString(CultureInfo.InvariantCulture)}_{(Half == 1 ? "Jan_Jun" : "Jul_Dec")}.csv";

    /// <summary>Safe as a path segment and sorts by time: 2024_h1, 2024_h2.</summary>
    public string PartitionName => $"{Year.ToString(CultureInfo.InvariantCulture)}_h{Half.ToString(CultureInfo.InvariantCulture)}";

    public static BalanceHalfYear? FromFileName(string fileName)
    {
        var match = Eia930FileList.BalanceFileName().Match(fileName.Trim());
        return match.Success ? new BalanceHalfYear(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value == "Jan_Jun" ? 1 : 2) : null;
    }

    public static BalanceHalfYear? FromPartitionName(string name)
    {
        var match = Eia930FileList.PartitionName().Match(name);
        return match.Success ? new BalanceHalfYear(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value[0] - '0') : null;
    }
}
