using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>Section <c>Parquet</c>: the codec of every published Parquet file, one that every common reader knows.</summary>
public sealed class ParquetSettingsRules : SettingRules<ParquetOutputOptions>
{
    public ParquetSettingsRules()
        : base(ParquetOutputOptions.Section) =>
        Rule(nameof(ParquetOutputOptions.Compression), "Snappy or Zstd", o =>
            Enum.IsDefined(o.Compression) ? null : SettingKey.Show(o.Compression.ToString()));
}
