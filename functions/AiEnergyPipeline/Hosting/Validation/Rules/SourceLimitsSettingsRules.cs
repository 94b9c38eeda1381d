using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Queues;
using System.Globalization;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>
/// Section <c>Sources:Limits</c>. Each limit may be raised for a genuine file, but not switched
/// off: the upper ends stay within what one 2-4 GB Functions instance can read, and the lower
/// ends above what a real source file needs.
/// </summary>
public sealed class SourceLimitsSettingsRules : SettingRules<SourceLimitsOptions>
{
    public SourceLimitsSettingsRules()
        : base(SourceLimitsOptions.Section)
    {
        Integer(nameof(SourceLimitsOptions.MaxPartBytes), o => o.MaxPartBytes, 1L << 20, 2L << 30);
        Rule(nameof(SourceLimitsOptions.MaxCompressionRatio), "a number from 2 to 10000", o =>
            o.MaxCompressionRatio is >= 2 and <= 10_000 ? null : o.MaxCompressionRatio.ToString(CultureInfo.InvariantCulture));
        Integer(nameof(SourceLimitsOptions.MaxCellChars), o => o.MaxCellChars, 256, 10_000_000);
        Integer(nameof(SourceLimitsOptions.MaxSharedStringChars), o => o.MaxSharedStringChars, 256, 10_000_000);
        Integer(nameof(SourceLimitsOptions.MaxSheetRows), o => o.MaxSheetRows, 1_000, 10_000_000);
        Integer(nameof(SourceLimitsOptions.MaxSheetColumns), o => o.MaxSheetColumns, 10, 16_384);
        Integer(nameof(SourceLimitsOptions.MaxCsvRecordBytes), o => o.MaxCsvRecordBytes, 1 << 10, 256 << 20);
        Integer(nameof(SourceLimitsOptions.MaxQuarantinedRowsPerFile), o => o.MaxQuarantinedRowsPerFile, 100, 1_000_000);
    }
}
