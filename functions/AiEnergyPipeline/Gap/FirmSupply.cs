using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Gap;

/// <summary>
/// What EIA-860M's newest vintage says changes firm supply after the base year, up to the horizon:
/// planned units (completion-weighted), units already built since the base year (operating, or
/// since retired), planned retirements of operating units and retirements already made. The events
/// the gap counts and the additions table are both made from <see cref="ChangesOf"/>, so the table
/// adds up to the gap's firm additions.
/// </summary>
internal static class FirmSupply
{
    private const string PlannedSheet = "planned";
    private const string OperatingSheet = "operating";
    private const string RetiredSheet = "retired";

    public enum ChangeKind
    {
        /// <summary>A planned unit, in the year of its planned operation month: weighted by its completion weight.</summary>
        Planned,

        /// <summary>A unit that came online after the base year (operating now, or retired since): counted whole.</summary>
        Built,

        /// <summary>An operating unit, in the year of its planned retirement month.</summary>
        RetirementPlanned,

        /// <summary>A unit retired after the base year.</summary>
        Retired,
    }

    /// <param name="Basis">Where an addition's completion weight came from (<see cref="WeightBasis"/>); null for a unit already built or a retirement, which have none.</param>
    public sealed record FirmEvent(int Year, string Region, double Gw, string? Basis);

    /// <summary>The changes a unit makes between the base year (exclusive) and the horizon (inclusive).</summary>
    public static IEnumerable<(ChangeKind Kind, int Year)> ChangesOf(GeneratorUnit unit, GapSettings settings)
    {
        bool Counted(int? year) => year > settings.BaseYear && year <= settings.HorizonYear;
        switch (unit.Sheet)
        {
            case PlannedSheet when Counted(unit.PlannedOperationYear):
                yield return (ChangeKind.Planned, unit.PlannedOperationYear!.Value);
                break;
            case OperatingSheet or RetiredSheet:
                if (Counted(unit.OperatingYear))
                {
                    yield return (ChangeKind.Built, unit.OperatingYear!.Value);
                }

                var (kind, end) = unit.Sheet == OperatingSheet ? (ChangeKind.RetirementPlanned, unit.PlannedRetirementYear) : (ChangeKind.Retired, unit.RetirementYear);
                if (Counted(end))
                {
                    yield return (kind, end!.Value);
                }

                break;
        }
    }

    /// <summary>Accredited capacity arriving or leaving after the base year, by year and region, with the notes on what it leaves out.</summary>
    public static List<FirmEvent> Events(IReadOnlyList<GeneratorUnit> units, GapSettings settings, Func<string, string> regionOf, List<string> notes)
    {
        var events = new List<FirmEvent>();
        var classesWithoutFactor = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var statusesWithoutWeight = new SortedDictionary<string, int>(StringComparer.Ordinal);
        // Planned units the years leave out, said in the notes rather than dropped silently.
        var (overdue, overdueMw, undated, undatedMw) = (0, 0.0, 0, 0.0);
        foreach (var unit in units)
        {
            if (unit.Sheet == PlannedSheet && unit.PlannedOperationYear is not > 0)
            {
                (undated, undatedMw) = (undated + 1, undatedMw + unit.NameplateMw);
            }
            else if (unit.Sheet == PlannedSheet && unit.PlannedOperationYear <= settings.BaseYear)
            {
                (overdue, overdueMw) = (overdue + 1, overdueMw + unit.NameplateMw);
            }

            var changes = ChangesOf(unit, settings).ToList();
            if (changes.Count == 0)
            {
                continue;
            }

            // Once per unit, so that a unit built and retired since the base year is one unit without a factor, not two.
            var accreditedGw = unit.NameplateMw * Factor(settings, unit.AccreditationClass, classesWithoutFactor) / 1000;
            var region = regionOf(unit.BalancingAuthorityCode);
            foreach (var (kind, year) in changes)
            {
                if (kind != ChangeKind.Planned)
                {
                    events.Add(new FirmEvent(year, region, kind == ChangeKind.Built ? accreditedGw : -accreditedGw, null));
                    continue;
                }

                var completion = settings.CompletionWeightOf(unit.Status, unit.AccreditationClass);
                if (completion is null)
                {
                    statusesWithoutWeight[unit.Status] = statusesWithoutWeight.GetValueOrDefault(unit.Status) + 1;
                }

                var (weight, measured) = completion ?? (0, false);
                events.Add(new FirmEvent(year, region, accreditedGw * weight, measured ? WeightBasis.Measured : WeightBasis.Assumption));
            }
        }

        foreach (var (cls, count) in classesWithoutFactor)
        {
            notes.Add($"{count} units of class '{cls}' have no accreditation factor: {AssumptionNames.AccreditationFactor(GapSettings.OtherClass)} used");
        }

        foreach (var (status, count) in statusesWithoutWeight)
        {
            notes.Add($"{count} planned units of status '{status}' have no completion weight: weighted 0");
        }

        if (overdue > 0)
        {
            notes.Add($"{overdue} planned units ({GapModel.Format(overdueMw)} MW nameplate) have a planned operation year of {settings.BaseYear} (the base year) or earlier and are still planned, not operating: not counted as additions");
        }

        if (undated > 0)
        {
            notes.Add($"{undated} planned units ({GapModel.Format(undatedMw)} MW nameplate) have no planned operation month: not counted as additions");
        }

        return events;
    }

    /// <summary>
    /// The changes by year and class, and the queue supply tail's projects where it is on (only in
    /// years after EIA-860M's planned units, so a row is one or the other; its basis says which):
    /// what the gap's firm additions are made of. firm_change_mw is each row's part of them.
    /// </summary>
    public static List<AdditionsRow> Additions(IReadOnlyList<GeneratorUnit> units, IReadOnlyList<QueueTailAddition> tail, GapSettings settings)
    {
        var rows = new SortedDictionary<(int Year, string Class), Sums>(Comparer<(int Year, string Class)>.Create((a, b) => a.Year != b.Year ? a.Year.CompareTo(b.Year) : string.CompareOrdinal(a.Class, b.Class)));
        Sums At(int year, string cls) => rows.TryGetValue((year, cls), out var sums) ? sums : rows[(year, cls)] = new Sums();
        foreach (var unit in units)
        {
            foreach (var (kind, year) in ChangesOf(unit, settings))
            {
                var sums = At(year, unit.AccreditationClass);
                var accredited = unit.NameplateMw * Factor(settings, unit.AccreditationClass);
                switch (kind)
                {
                    case ChangeKind.Planned:
                        var (weight, measured) = settings.CompletionWeightOf(unit.Status, unit.AccreditationClass) ?? (0, false);
                        sums.PlannedNameplate += unit.NameplateMw;
                        sums.Accredited += accredited;
                        sums.Weighted += accredited * weight;
                        sums.Change += accredited * weight;
                        // Counts of units weighted by a measured and by an assumed weight: the row's basis.
                        if (measured)
                        {
                            sums.MeasuredUnits++;
                        }
                        else
                        {
                            sums.AssumedUnits++;
                        }

                        break;
                    case ChangeKind.Built:
                        sums.BuiltNameplate += unit.NameplateMw;
                        sums.Change += accredited;
                        break;
                    case ChangeKind.RetirementPlanned:
                        sums.RetiringNameplate += unit.NameplateMw;
                        sums.Change -= accredited;
                        break;
                    default:
                        sums.RetiredNameplate += unit.NameplateMw;
                        sums.Change -= accredited;
                        break;
                }
            }
        }

        foreach (var project in tail)
        {
            var sums = At(project.Year, project.AccreditationClass);
            sums.PlannedNameplate += project.NameplateMw;
            sums.Accredited += project.AccreditedMw;
            sums.Weighted += project.Gw * 1000;
            sums.Change += project.Gw * 1000;
            sums.TailProjects++;
        }

        return rows.Select(p => p.Value.Row(p.Key.Year, p.Key.Class)).ToList();
    }

    public static double Factor(GapSettings settings, string accreditationClass, SortedDictionary<string, int>? missing = null)
    {
        if (settings.AccreditationFactors.TryGetValue(accreditationClass, out var factor))
        {
            return factor;
        }

        if (missing is not null)
        {
            missing[accreditationClass] = missing.GetValueOrDefault(accreditationClass) + 1;
        }

        return settings.AccreditationFactors[GapSettings.OtherClass];
    }

    private sealed class Sums
    {
        public double PlannedNameplate, Accredited, Weighted, RetiringNameplate, BuiltNameplate, RetiredNameplate, Change;
        public int MeasuredUnits, AssumedUnits, TailProjects;

        public AdditionsRow Row(int year, string cls) => new(
            year, cls, GapModel.Round6(PlannedNameplate), GapModel.Round6(Accredited), GapModel.Round6(Weighted), GapModel.Round6(RetiringNameplate), Basis(),
            GapModel.Round6(BuiltNameplate), GapModel.Round6(RetiredNameplate), GapModel.Round6(Change));

        /// <summary>queue_tail for the tail's projects; measured when every planned unit had a measured weight, mixed when some had, assumption when none; none without planned units (built or retiring units only).</summary>
        private string Basis() =>
            TailProjects > 0 ? WeightBasis.QueueTail
            : MeasuredUnits > 0 && AssumedUnits == 0 ? WeightBasis.Measured
            : MeasuredUnits > 0 ? WeightBasis.Mixed
            : AssumedUnits > 0 ? WeightBasis.Assumption
            : WeightBasis.None;
    }
}
