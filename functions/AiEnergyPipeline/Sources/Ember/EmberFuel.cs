using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources.Ember;

/// <summary>A fuel of country_capacity: its snake_case name and kind.</summary>
public sealed record EmberFuel(string Name, EmberFuelKind Kind)
{
    /// <summary>Aggregates and the total repeat other rows' capacity: the table flags them.</summary>
    public bool IsAggregate => Kind is EmberFuelKind.Aggregate or EmberFuelKind.Total;
}
