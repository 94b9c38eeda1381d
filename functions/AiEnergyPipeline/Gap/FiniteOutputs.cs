using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Gap;

/// <summary>
/// The last check before the gap is written: every number of every gap output is finite. Bounded
/// inputs make NaN and infinity impossible, but a run must never publish one (JSON cannot hold
/// them, and CSV readers take "NaN" and "∞" as text), so a breach fails the run naming the column.
/// </summary>
public static class FiniteOutputs
{
    /// <exception cref="GapException">A number is NaN or infinite; the message names the file, column and row.</exception>
    public static void Require(GapResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Check(result.Settings.ReserveMargin, Schemas.GapHeadline.Name, "reserve_margin", "the settings");
        foreach (var (schema, rows) in new[] { (Schemas.GapByYear, result.ByYear), (Schemas.GapByRegion, result.ByRegion) })
        {
            foreach (var r in rows)
            {
                var row = $"scenario {r.ScenarioId}{(r.Region is null ? "" : $", region {r.Region}")}, year {r.Year}";
                Check(r.AiDemandGw, schema.Name, "ai_demand_gw", row);
                Check(r.OtherLoadGrowthGw, schema.Name, "other_load_growth_gw", row);
                Check(r.ReserveMargin, schema.Name, "reserve_margin", row);
                Check(r.FirmAdditionsGw, schema.Name, "firm_additions_gw", row);
                Check(r.GapGw, schema.Name, "gap_gw", row);
            }
        }

        foreach (var a in result.Additions)
        {
            var row = $"year {a.Year}, class {a.AccreditationClass}";
            var name = Schemas.AdditionsByYearTechnology.Name;
            Check(a.PlannedNameplateMw, name, "planned_nameplate_mw", row);
            Check(a.AccreditedMw, name, "accredited_mw", row);
            Check(a.WeightedAccreditedMw, name, "weighted_accredited_mw", row);
            Check(a.RetiringNameplateMw, name, "retiring_nameplate_mw", row);
            Check(a.BuiltNameplateMw, name, "built_nameplate_mw", row);
            Check(a.RetiredNameplateMw, name, "retired_nameplate_mw", row);
            Check(a.FirmChangeMw, name, "firm_change_mw", row);
        }

        foreach (var c in result.UsVsChina)
        {
            Check(c.UsaAdditionsGw, Schemas.UsVsChinaAdditions.Name, "usa_additions_gw", $"year {c.Year}");
            Check(c.ChnAdditionsGw, Schemas.UsVsChinaAdditions.Name, "chn_additions_gw", $"year {c.Year}");
        }

        foreach (var h in result.Headlines)
        {
            Check(h.GapGw2028, Schemas.GapHeadline.Name, "gap_gw_2028", $"scenario {h.ScenarioId}");
            Check(h.GapGwHorizon, Schemas.GapHeadline.Name, "gap_gw_horizon", $"scenario {h.ScenarioId}");
        }
    }

    private static void Check(double? value, string file, string column, string row)
    {
        if (value is { } v && !double.IsFinite(v))
        {
            var shown = double.IsNaN(v) ? "NaN" : v > 0 ? "+Infinity" : "-Infinity";
            throw new GapException($"{file}.{column} is {shown} ({row}): a number that is not finite is never published.");
        }
    }
}
