using AiEnergyPipeline.Sources.Ember;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>
/// ERCOT's monthly Generator Interconnection Status (GIS) report workbook. Its project sheets
/// ("Project Details - Large Gen", "- Small Gen") have no status column: a project's course is in
/// its milestone dates (screening and full interconnection study, IA signed, approved for
/// energization, approved for synchronization, commercial operation where the report gives it).
/// The header sits below title rows and is found by "INR", the project's id. Projects ERCOT has
/// made inactive and cancelled are in sheets of their own. There is no queue date: the screening
/// study's start is the request's entry. Every project is in Texas. Where the report has a
/// financial-security column (ERCOT's summaries split signed IAs into "IA signed - financial
/// security posted" and "IA signed - no financial security"), status_raw says which a project is:
/// posted security is the developer's money at stake, the step after the IA before construction.
/// The normalised status stays active until synchronisation: security posted is not service.
/// </summary>
public static class ErcotQueueLayout
{
    private const string IaSigned = "ia_signed";
    private const string Energization = "approved_for_energization";
    private const string Synchronization = "approved_for_synchronization";
    private const string StudyPhase = "gim_study_phase";
    private const string FinancialSecurity = "financial_security";

    /// <summary>What the report writes in the financial-security column for security not posted; anything else there (Y, a date) is posted.</summary>
    private static readonly HashSet<string> NotPosted = new(["n", "no", "none", "not posted", "n/a", "na", "0", "false", "-"], StringComparer.OrdinalIgnoreCase);

    public static IsoQueueLayout Layout { get; } = new(
        "ERCOT",
        "ercot",
        [
            new(IsoField.QueueId, true, "INR", "INR Number"),
            new(IsoField.ProjectName, true, "Project Name"),
            new(IsoField.County, true, "County"),
            new(IsoField.Type1, true, "Fuel"),
            new(IsoField.Type2, false, "Technology"),
            new(IsoField.Capacity, true, "Capacity (MW)", "Capacity", "Summer Capacity (MW)"),
            new(IsoField.QueueDate, false, "Screening Study Started", "Queue Date"),
            new(IsoField.ProposedDate, true, "Projected COD", "Projected Commercial Operation Date"),
            new(StudyPhase, false, "GIM Study Phase"),
            new(IaSigned, false, "IA Signed"),
            new(FinancialSecurity, false, "Financial Security", "Financial Security Posted", "FS Posted"),
            new(Energization, false, "Approved for Energization"),
            new(Synchronization, false, "Approved for Synchronization"),
            new(IsoField.CompletionDate, false, "Approved for Commercial Operation", "Commercial Operation Date", "Actual COD"),
            new(IsoField.WithdrawnDate, false, "Cancellation Date", "Date Cancelled", "Withdrawn Date"),
        ],
        Status)
    {
        FixedState = "TX",
        TypeOf = TypeOf,
    };

    /// <summary>
    /// One technology, "Fuel - Technology" as gridstatus writes it ("Gas - Combined Cycle"); a
    /// battery is fuel OTH (other) with technology BA, so the technology speaks for "other".
    /// </summary>
    private static string TypeOf(IsoRow row)
    {
        var fuel = Words(row.Text(IsoField.Type1));
        var technology = Words(row.Text(IsoField.Type2));
        return fuel.Length == 0 || fuel == "Other" ? technology.Length > 0 ? technology : fuel
            : technology.Length == 0 ? fuel
            : $"{fuel} - {technology}";
    }

    /// <summary>The fate from the milestones: the furthest one reached, named in status_raw with the study phase.</summary>
    private static (string Status, string Raw) Status(IsoRow row, string sheet)
    {
        var milestones = new List<string>();
        if (row.Text(StudyPhase) is { Length: > 0 } phase)
        {
            milestones.Add(phase);
        }

        foreach (var (field, words) in new[] { (IaSigned, "IA signed"), (Energization, "approved for energization"), (Synchronization, "approved for synchronization"), (IsoField.CompletionDate, "commercial operation") })
        {
            if (row.Text(field).Length > 0)
            {
                milestones.Add(words);
            }

            // Beside the IA: said of every signed IA, and of an unsigned one only when security was posted anyway.
            if (field == IaSigned && row.Has(FinancialSecurity) && (row.Text(IaSigned).Length > 0 || SecurityPosted(row.Text(FinancialSecurity))))
            {
                milestones.Add(SecurityPosted(row.Text(FinancialSecurity)) ? "financial security posted" : "no financial security");
            }
        }

        var name = sheet.ToLowerInvariant();
        var status = name.Contains("cancel", StringComparison.Ordinal) ? QueueStatuses.Withdrawn
            : name.Contains("inactive", StringComparison.Ordinal) ? QueueStatuses.Suspended
            : row.Text(IsoField.CompletionDate).Length > 0 ? QueueStatuses.Operational
            // Synchronised to the grid: the plant generates, as gridstatus counts it complete.
            : row.Text(Synchronization).Length > 0 ? QueueStatuses.Operational
            : QueueStatuses.Active;
        if (status is QueueStatuses.Withdrawn or QueueStatuses.Suspended)
        {
            milestones.Insert(0, sheet);
        }

        return (status, string.Join("; ", milestones));
    }

    private static bool SecurityPosted(string value) => value.Length > 0 && !NotPosted.Contains(value.Trim());

    /// <summary>ERCOT's fuel and technology codes, as words the generation type rules know.</summary>
    private static string Words(string code) => code.ToUpperInvariant() switch
    {
        "SOL" => "Solar",
        "WIN" => "Wind",
        "GAS" => "Gas",
        "OTH" => "Other",
        "NUC" => "Nuclear",
        "COA" => "Coal",
        "HYD" => "Hydro",
        "BIO" => "Biomass",
        "GEO" => "Geothermal",
        "PV" => "Photovoltaic",
        "WT" => "Wind Turbine",
        "BA" => "Battery Energy Storage",
        "CC" => "Combined Cycle",
        "CT" or "GT" => "Combustion Turbine",
        "IC" => "Internal Combustion",
        "ST" => "Steam Turbine",
        "ES" or "EN" => "Energy Storage",
        "FC" => "Fuel Cell",
        "HY" => "Hydroelectric Turbine",
        _ => code,
    };
}
