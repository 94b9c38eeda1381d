namespace AiEnergyPipeline.Sources.Eia930;

public static class DemandQualityNames
{
    /// <summary>The text of the quality column: ok, negative, spike, stuck.</summary>
    public static string Name(this DemandQuality quality) => quality switch
    {
        DemandQuality.Ok => "ok",
        DemandQuality.Negative => "negative",
        DemandQuality.Spike => "spike",
        DemandQuality.Stuck => "stuck",
        _ => throw new ArgumentOutOfRangeException(nameof(quality)),
    };

    /// <summary>The quality a column text names, or null for empty or unknown text.</summary>
    public static DemandQuality? Parse(string? text) => text switch
    {
        "ok" => DemandQuality.Ok,
        "negative" => DemandQuality.Negative,
        "spike" => DemandQuality.Spike,
        "stuck" => DemandQuality.Stuck,
        _ => null,
    };
}
