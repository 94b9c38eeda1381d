using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiEnergyPipeline.Gap;

public sealed record GapHeadlineEntry(
    string ScenarioId,
    string Source,
    [property: JsonPropertyName("gap_gw_2028")] double? GapGw2028,
    int HorizonYear,
    double GapGwHorizon,
    string Headline);
