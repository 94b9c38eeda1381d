using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Sources.Curated;

/// <summary>The assumptions by name, with the look-ups that converting demand scenarios needs.</summary>
public sealed class AssumptionSet(IEnumerable<Assumption> assumptions)
{
    private readonly Dictionary<string, Assumption> _byName = assumptions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public Assumption? this[string name] => _byName.GetValueOrDefault(name);

    /// <summary>The default load factor of data-centre load, or null when the assumptions lack it.</summary>
    public double? DataCentreLoadFactor => this[AssumptionNames.DataCentreLoadFactor]?.Value;

    /// <summary>
    /// US electricity consumption to apply a share of in <paramref name="year"/>: that year's own
    /// value, else the latest earlier year's (held flat, as the assumption's notes say), else null.
    /// </summary>
    public (int Year, double Twh)? ConsumptionFor(int year) =>
        _byName.Values
            .Select(a => (Year: AssumptionsCsv.ConsumptionYear(a.Name), a.Value))
            .Where(c => c.Year <= year)
            .OrderByDescending(c => c.Year)
            .Select(c => ((int Year, double Twh)?)(c.Year!.Value, c.Value))
            .FirstOrDefault();
}
