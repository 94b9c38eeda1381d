namespace AiEnergyPipeline.Sources.Ember;

/// <summary>The three shapes Ember capacity files come in.</summary>
public enum EmberLayout
{
    /// <summary>yearly_full_release_long_format.csv: one row per area, year, category, subcategory and variable.</summary>
    LongFormat,

    /// <summary>The newer yearly release (unverified): one row per area, year and electricity source, with a Capacity (GW) column.</summary>
    Wide,

    /// <summary>The older API extract: date, country, alpha_3, variable, capacity_gw.</summary>
    ApiExtract,
}
