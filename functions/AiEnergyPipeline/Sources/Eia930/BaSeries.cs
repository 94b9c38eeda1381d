namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>The EIA-930 series, named as in the ba_hourly table.</summary>
public enum BaSeries
{
    Demand,
    Forecast,
    NetGeneration,
    Interchange,
}
