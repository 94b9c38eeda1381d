namespace AiEnergyPipeline.Sources.Ember;

/// <summary>One capacity value of one country, year and fuel, as read from an Ember file.</summary>
public readonly record struct EmberCapacityValue(string Iso3, string Country, int Year, EmberFuel Fuel, double CapacityGw, long Line);
