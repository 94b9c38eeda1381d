namespace AiEnergyPipeline.Sources.Ember;

/// <summary>
/// One row of country_capacity. CapacityGw is null only on a total whose single fuels leave a
/// group of <see cref="EmberFuelGroups"/> unreported (Complete false).
/// </summary>
public readonly record struct CountryCapacityRow(string Iso3, string Country, int Year, string Fuel, bool IsAggregate, double? CapacityGw, double? AdditionsGw, bool Complete);
