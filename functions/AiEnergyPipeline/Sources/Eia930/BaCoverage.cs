namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>The hours one BALANCE file covers for one balancing authority: API rows inside them are superseded by bulk rows.</summary>
public readonly record struct BaCoverage(DateTime FirstUtc, DateTime LastUtc)
{
    public BaCoverage Including(DateTime hour) => new(hour < FirstUtc ? hour : FirstUtc, hour > LastUtc ? hour : LastUtc);

    public bool Contains(DateTime hour) => hour >= FirstUtc && hour <= LastUtc;
}
