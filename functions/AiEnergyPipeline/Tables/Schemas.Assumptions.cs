using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tables;

public static partial class Schemas
{
    public static TableSchema Assumptions { get; } = new(
        "assumptions",
        "Assumptions of the gap model",
        "Every number the gap model assumes, with its source: accreditation factors by technology class (accreditation_factor.<class>), completion weights by EIA-860M planned status (completion_weight.<status>), the reserve margin, the data-centre load factor, US electricity consumption, the fallback growth of other load, and the default base and horizon years. Rows whose notes begin ASSUMPTION, PROXY or DEFAULT are this project's choices.",
        [
            new("name", "string", "Assumption name, such as reserve_margin or accreditation_factor.onshore_wind."),
            new("value", "number", "The value, in unit."),
            new("unit", "string", "fraction (0 to 1), GW, GW/year, TWh, year, or switch (0 off, 1 on)."),
            new("source", "string", "Publisher and title of the source, or AiEnergyPipeline for the project's own choices."),
            new("url", "string", "Where the source is published; repo:curated/... for the project's own choices."),
            new("notes", "string", "What the value is, how it was derived, and which figure of the source it uses."),
        ],
        ["name"])
    {
        Sources = [SourceNames.Curated, SourceNames.Eia860m],
    };
}
