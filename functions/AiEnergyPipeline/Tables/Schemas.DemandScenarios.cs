using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tables;

public static partial class Schemas
{
    public static TableSchema DemandScenarios { get; } = new(
        "demand_scenarios",
        "Published scenarios of US AI and data-centre load",
        "Each scenario's figures as published (capacity in GW, energy in TWh, or a share of US electricity), one row per scenario and year, with the firm capacity each needs. Energy becomes capacity as TWh x 1000 / 8760 / load factor; a share becomes energy through the assumption us_electricity_consumption_twh of its year or the latest earlier year. Rows whose notes begin ASSUMPTION are this project's, not the publisher's.",
        [
            new("scenario_id", "string", "Scenario, such as anthropic_build_ai_2028 or lbnl_2024_low."),
            new("year", "year", "Calendar year the figure is for."),
            new("value", "number", "The figure as published, in unit."),
            new("unit", "string", "Unit of value: GW or MW (capacity), TWh or GWh (energy), % of US electricity consumption (share)."),
            new("basis", "string", "capacity, energy or share: how the publisher states the figure."),
            new("ai_load_gw", "number", "Firm capacity the figure needs: capacity as given; energy and shares converted with load_factor.", "GW"),
            new("load_factor", "number", "Average load over capacity used to convert energy: the row's own, else the assumption load_factor.data_centre; empty for capacity rows.", "1"),
            new("source", "string", "Publisher and title of the source."),
            new("url", "string", "Where the source is published."),
            new("notes", "string", "What the figure is, and any assumption made about it."),
        ],
        ["scenario_id", "year"])
    {
        Sources = [SourceNames.Curated],
    };
}
