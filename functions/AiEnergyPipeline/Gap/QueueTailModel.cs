using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Vocabulary;
using System.Globalization;

namespace AiEnergyPipeline.Gap;

/// <summary>
/// The queue supply tail (assumption queue_supply_tail = 1): for the years after the last planned
/// operation year of EIA-860M's planned units, up to the horizon, the active queue projects proposed
/// for those years, each at capacity x accreditation factor of its class x its queue's completion rate
/// (a hybrid's further technologies each at their own class's factor, at the project's rate).
/// A project that an EIA-860M planned unit may already list is left out, so that no capacity is
/// counted twice: queue_projects has no EIA plant id, so a match is a heuristic (same state, or the
/// same ISO where the queue gives no state; same accreditation class; the unit's, or its plant's class
/// total, capacity within 10%; planned year within one year), and a project that cannot be checked
/// (no state, a queue outside the ISOs) is left out too. When in doubt, the tail is smaller.
/// </summary>
public static class QueueTailModel
{
    /// <summary>Capacity tolerance of a match: a queue request and EIA-860M's unit of the same project rarely agree to the MW.</summary>
    public const double CapacityTolerance = 0.10;

    /// <summary>Years a queue's proposed date and EIA-860M's planned year may differ in a match.</summary>
    public const int YearTolerance = 1;

    /// <summary>Resolved requests (completed plus withdrawn) a rate needs; with fewer it is pooled more widely.</summary>
    public const int MinimumResolved = 10;

    private const string PlannedSheet = "planned";

    /// <summary>The EIA-930 balancing authority of each ISO's queue, for the tail's regions.</summary>
    private static readonly Dictionary<string, string> IsoBalancingAuthority = new(StringComparer.Ordinal)
    {
        ["CAISO"] = "CISO", ["ERCOT"] = "ERCO", ["ISO-NE"] = "ISNE", ["MISO"] = "MISO", ["NYISO"] = "NYIS", ["PJM"] = "PJM", ["SPP"] = "SWPP",
    };

    /// <summary>The tail's additions; none when the switch is off (nothing is noted then, so the outputs are as without the tail).</summary>
    public static IReadOnlyList<QueueTailAddition> Additions(QueueTailInputs? queues, GapSettings settings, IReadOnlyList<GeneratorUnit> units, Func<string, string> regionOf, List<string> notes)
    {
        if (!settings.AddQueueTail)
        {
            return [];
        }

        var planned = units.Where(u => u.Sheet == PlannedSheet && u.PlannedOperationYear is not null).ToList();
        if (planned.Count == 0)
        {
            notes.Add("queue supply tail not added: generators has no planned units, so there are no EIA-860M years to extend");
            return [];
        }

        var last = planned.Max(u => u.PlannedOperationYear!.Value);
        var first = Math.Max(last, settings.BaseYear) + 1;
        if (first > settings.HorizonYear)
        {
            notes.Add($"queue supply tail on, nothing added: EIA-860M's planned units reach {last}, and no year after it is within {settings.BaseYear}-{settings.HorizonYear}");
            return [];
        }

        if (queues is null || queues.Missing is not null)
        {
            notes.Add($"queue supply tail not added (firm additions of {first}-{settings.HorizonYear} are EIA-860M's only): {queues?.Missing ?? "the queue tables were not read"}");
            return [];
        }

        if (queues.IncompleteRegions.Count > 0)
        {
            notes.Add($"queue supply tail not added (firm additions of {first}-{settings.HorizonYear} are EIA-860M's only): the queues {string.Join(", ", queues.IncompleteRegions)} were read only in part in this run (queue_projects complete false, or a file of theirs failed: report.json's failed_files), and a tail from part of a queue is not the queue's");
            return [];
        }

        var plantTotals = planned.Where(u => u.PlantId is not null)
            .GroupBy(u => (u.PlantId, u.AccreditationClass))
            .ToDictionary(g => g.Key, g => g.Sum(u => u.NameplateMw));
        var rates = new QueueTailRates(queues.Rates);
        var (matched, unverifiable, withoutRate, added) = (new Tally(), new Tally(), new Tally(), new Tally());
        var (further, furtherUnknown) = (new Tally(), new Tally());
        var (byCohort, pooled) = (0, 0);
        var additions = new List<QueueTailAddition>();
        foreach (var project in queues.Projects.Where(p => p.ProposedYear >= first && p.ProposedYear <= settings.HorizonYear))
        {
            var state = StateCode(project.State);
            if (state is null && !IsoBalancingAuthority.ContainsKey(project.Region))
            {
                unverifiable.Add(project.TotalMw);
                continue;
            }

            // A hybrid EIA-860M lists as any one of its technologies is left out whole.
            if (project.Components.Any(c => planned.Any(u => Matches(project, c, state, u, plantTotals))))
            {
                matched.Add(project.TotalMw);
                continue;
            }

            if (rates.Of(project) is not { } rate)
            {
                withoutRate.Add(project.TotalMw);
                continue;
            }

            if (rate.FromCohort)
            {
                byCohort++;
            }
            else
            {
                pooled++;
            }

            var region = regionOf(IsoBalancingAuthority.GetValueOrDefault(project.Region, ""));
            var addedMw = 0.0;
            foreach (var (component, index) in project.Components.Select((c, i) => (c, i)))
            {
                if (index > 0 && component.AccreditationClass == GenerationTypes.Unknown)
                {
                    // A further technology the type does not name: its accreditation is unknown, so it adds nothing.
                    furtherUnknown.Add(component.CapacityMw);
                    continue;
                }

                if (index > 0)
                {
                    further.Add(component.CapacityMw);
                }

                var factor = settings.AccreditationFactors.TryGetValue(component.AccreditationClass, out var f) ? f : settings.AccreditationFactors[GapSettings.OtherClass];
                additions.Add(new QueueTailAddition(project.ProposedYear, region, component.CapacityMw * factor * rate.Rate / 1000, component.AccreditationClass, component.CapacityMw, component.CapacityMw * factor));
                addedMw += component.CapacityMw;
            }

            added.Add(addedMw);
        }

        notes.Add($"queue supply tail on for {first}-{settings.HorizonYear} (EIA-860M's planned units reach {last}): {matched.Count + unverifiable.Count + withoutRate.Count + added.Count} active queue projects proposed for those years; " +
            $"{matched} matched an EIA-860M planned unit and were left out (never counted twice); {unverifiable} could not be checked against EIA-860M (no state, queue outside the ISOs) and were left out; " +
            $"{withoutRate} had no completion rate with {MinimumResolved} resolved requests and were left out; {added} were added " +
            $"({byCohort} at their entry cohort's rate, {pooled} at a pooled rate), {GapModel.Format(additions.Sum(a => a.Gw))} GW accredited and completion-rate weighted" +
            (further.Count + furtherUnknown.Count == 0 ? "" : $"; hybrids: {further} further technologies counted at their own class's factor, {furtherUnknown} of a technology the generation type does not name left out"));
        return additions;
    }

    /// <summary>
    /// Whether the planned unit may be one technology of the queue project: same place, class, size
    /// (unit or plant class total) and year.
    /// </summary>
    private static bool Matches(QueueTailProject project, QueueTailComponent component, string? state, GeneratorUnit unit, Dictionary<(long?, string), double> plantTotals)
    {
        if (unit.AccreditationClass != component.AccreditationClass || Math.Abs(unit.PlannedOperationYear!.Value - project.ProposedYear) > YearTolerance)
        {
            return false;
        }

        var samePlace = state is not null && unit.State.Length > 0
            ? string.Equals(unit.State, state, StringComparison.OrdinalIgnoreCase)
            : QueueRegions.Canonical(unit.BalancingAuthorityCode) == project.Region;
        if (!samePlace)
        {
            return false;
        }

        bool Near(double mw) => Math.Abs(mw - component.CapacityMw) <= CapacityTolerance * component.CapacityMw;
        return Near(unit.NameplateMw) || (unit.PlantId is not null && Near(plantTotals[(unit.PlantId, unit.AccreditationClass)]));
    }

    /// <summary>A two-letter state code, or null when the queue gives none (or a name).</summary>
    private static string? StateCode(string state) =>
        state.Length == 2 && char.IsAsciiLetter(state[0]) && char.IsAsciiLetter(state[1]) ? state.ToUpperInvariant() : null;

    private sealed class Tally
    {
        public int Count { get; private set; }
        public double Mw { get; private set; }

        public void Add(double mw)
        {
            Count++;
            Mw += mw;
        }

        public override string ToString() => $"{Count} ({GapModel.Format(Mw)} MW)";
    }
}
