using AiEnergyPipeline.Fetch;
using System.Globalization;

namespace AiEnergyPipeline.Tabular;

/// <summary>
/// A file goes past one of the <see cref="Fetch.SourceLimitsOptions"/>; the readers turn it into a
/// <see cref="SourceException"/> for the file. The message names the limit and its setting,
/// so that whoever reads report.json knows what to raise for a genuine file.
/// </summary>
public sealed class LimitExceededException(string what, long limit, string setting)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"{what} is larger than the limit of {limit:N0} (raise {setting} if the file is genuine)."))
{
    public string Setting { get; } = setting;
}
