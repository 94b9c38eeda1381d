namespace AiEnergyPipeline.Sources.Eia930;

public static class BaSeriesNames
{
    public static string Name(this BaSeries series) => series switch
    {
        BaSeries.Demand => "demand",
        BaSeries.Forecast => "forecast",
        BaSeries.NetGeneration => "net_generation",
        BaSeries.Interchange => "interchange",
        _ => throw new ArgumentOutOfRangeException(nameof(series)),
    };

    /// <summary>The API's type codes: D, DF, NG, TI.</summary>
    public static BaSeries? FromApiType(string? type) => type switch
    {
        "D" => BaSeries.Demand,
        "DF" => BaSeries.Forecast,
        "NG" => BaSeries.NetGeneration,
        "TI" => BaSeries.Interchange,
        _ => null,
    };
}
