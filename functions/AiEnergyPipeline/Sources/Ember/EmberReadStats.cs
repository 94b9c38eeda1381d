namespace AiEnergyPipeline.Sources.Ember;

/// <summary>What reading one Ember file found: the rows it kept and why it skipped the others.</summary>
public sealed class EmberReadStats
{
    public EmberLayout Layout { get; set; }

    /// <summary>Data rows of the file (the header not counted).</summary>
    public long Rows { get; set; }

    /// <summary>Capacity values read (before duplicates are set aside).</summary>
    public long Values { get; set; }

    /// <summary>Country capacity rows whose value is blank: not rows of the table, and not errors.</summary>
    public long Blank { get; set; }

    /// <summary>Rows that are not capacity in GW: generation, emissions, demand, imports, shares.</summary>
    public long NotCapacity { get; set; }

    /// <summary>Rows of regions and other aggregated areas, or of areas without an ISO 3 code.</summary>
    public long NotCountry { get; set; }

    /// <summary>Rows sent to the quarantine.</summary>
    public long Quarantined { get; set; }
}
