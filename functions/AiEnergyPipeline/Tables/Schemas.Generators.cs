using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tables;

public static partial class Schemas
{
    public static TableSchema Generators { get; } = new(
        "generators",
        "EIA-860M generator inventory",
        "Every generator of the EIA-860M monthly workbook (Operating, Planned, Retired and Canceled or Postponed sheets; Puerto Rico sheets left out), one row per generator and month, with its technology's accreditation class. Rows that cannot be read are in quarantine.",
        [
            new("report_month", "yearmonth", "Month of the EIA-860M workbook (yyyy-MM)."),
            new("sheet", "string", "Sheet the row comes from: operating, planned, retired or canceled (Canceled or Postponed)."),
            new("plant_id", "integer", "EIA plant code."),
            new("generator_id", "string", "EIA generator id, exactly as written: \"1\", \"01\" and \"GT1\" are different generators."),
            new("plant_name", "string", "Plant name."),
            new("state", "string", "Two-letter postal code of the plant's state."),
            new("county", "string", "County of the plant."),
            new("balancing_authority_code", "string", "EIA code of the balancing authority the plant is in, such as PJM or ERCO; empty where EIA gives none."),
            new("sector", "string", "EIA sector of the owner, such as Electric Utility or IPP Non-CHP."),
            new("technology", "string", "EIA technology, such as Natural Gas Fired Combined Cycle or Solar Photovoltaic."),
            new("accreditation_class", "string", "Accreditation class of the technology (curated/technology_classes.csv), such as gas_combined_cycle or solar_pv; unknown when the technology is not in that table."),
            new("energy_source_code", "string", "EIA code of the main energy source, such as NG, SUN, WND, MWH."),
            new("prime_mover_code", "string", "EIA prime mover code, such as CT, CA, PV, WT, BA."),
            new("status", "string", "EIA status code: OP operating, SB standby, OS out of service, OA out of service but expected back; P planned, approvals not started, L approvals pending, T approvals received, U under construction up to 50%, V under construction over 50%, TS construction complete, not operating, OT other; RE retired; CN canceled, IP indefinitely postponed."),
            new("nameplate_mw", "number", "Nameplate capacity.", "MW"),
            new("net_summer_mw", "number", "Net summer capacity; empty where not reported.", "MW"),
            new("net_winter_mw", "number", "Net winter capacity; empty where not reported.", "MW"),
            new("operating_month", "yearmonth", "Month the generator began commercial operation (yyyy-MM); empty where not reported or not yet operating."),
            new("planned_operation_month", "yearmonth", "Month the generator is planned to begin operation (yyyy-MM); planned sheet only."),
            new("planned_retirement_month", "yearmonth", "Month the generator is planned to retire (yyyy-MM); empty where no retirement is planned."),
            new("retirement_month", "yearmonth", "Month the generator retired (yyyy-MM); retired sheet only."),
            new("latitude", "number", "Latitude of the plant, WGS 84.", "degree"),
            new("longitude", "number", "Longitude of the plant, WGS 84.", "degree"),
        ],
        ["plant_id", "generator_id", "report_month"])
    {
        Sources = [SourceNames.Eia860m, SourceNames.Curated],
    };
}
