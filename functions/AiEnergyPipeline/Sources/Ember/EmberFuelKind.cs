namespace AiEnergyPipeline.Sources.Ember;

/// <summary>What an Ember variable is to the country_capacity table.</summary>
public enum EmberFuelKind
{
    /// <summary>One fuel of the partition of a country's capacity: the computed total sums these.</summary>
    Single,

    /// <summary>A sum of single fuels that Ember publishes beside them: never added to them.</summary>
    Aggregate,

    /// <summary>The source's own total over every fuel.</summary>
    Total,

    /// <summary>Not a capacity at all (production, imports, demand): skipped.</summary>
    NotCapacity,
}
