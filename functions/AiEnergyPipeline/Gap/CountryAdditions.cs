namespace AiEnergyPipeline.Gap;

/// <summary>
/// A country's net capacity additions (fuel total) in a year; null where Ember gives none.
/// Complete is false where the year's single fuels leave a group unreported, and MissingGroups
/// names those groups (country_capacity's complete column and its single-fuel rows).
/// </summary>
public sealed record CountryAdditions(string Iso3, int Year, double? AdditionsGw, bool Complete = true, IReadOnlyList<string>? MissingGroups = null);
