namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>
/// Measures a cohort: the units the January-Y vintage plans to begin operation in Y, followed into
/// the January-(Y+1) vintage. Each unit counts its nameplate at the start into exactly one outcome
/// (online, slipped, canceled, vanished), so every row re-adds to its planned capacity.
/// </summary>
public static class PlannedRealisationMeasure
{
    private enum UnitOutcome { Online, Slipped, Canceled, Vanished }

    /// <summary>The cohort's rows: by class and status, and their sums by status (class all), by class (status all) and in all.</summary>
    /// <exception cref="ArgumentException">The vintages are not the Januaries of two consecutive years.</exception>
    public static IReadOnlyList<RealisationRow> Measure(GeneratorVintage start, GeneratorVintage end, Func<string, string> classOf)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        var year = start.Start.Year;
        if (start.Start.Month != 1 || end.Start != new DateOnly(year + 1, 1, 1))
        {
            throw new ArgumentException($"a cohort runs from one January vintage to the next; got {start.Month} and {end.Month}.", nameof(end));
        }

        var later = end.Records.ToDictionary(r => (r.PlantId, r.GeneratorId));
        var units = new List<(string Class, string Status, double Mw, UnitOutcome Outcome, int? Slip)>();
        foreach (var r in start.Records)
        {
            if (r.Sheet != GeneratorSheet.Planned || GeneratorVintage.MonthOf(r.PlannedOperationMonth) is not { } planned || planned.Year != year)
            {
                continue;
            }

            var (outcome, slip) = later.TryGetValue((r.PlantId, r.GeneratorId), out var next) ? OutcomeOf(next, planned) : (UnitOutcome.Vanished, null);
            units.Add((classOf(r.Technology), r.Status, r.NameplateMw, outcome, slip));
        }

        var rows = new List<RealisationRow>();
        foreach (var group in units.GroupBy(u => (u.Class, u.Status)).OrderBy(g => g.Key.Class, StringComparer.Ordinal).ThenBy(g => g.Key.Status, StringComparer.Ordinal))
        {
            rows.Add(Row(year, group.Key.Class, group.Key.Status, group, start.Month, end.Month));
        }

        foreach (var group in units.GroupBy(u => u.Status).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            rows.Add(Row(year, RealisationRow.All, group.Key, group, start.Month, end.Month));
        }

        foreach (var group in units.GroupBy(u => u.Class).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            rows.Add(Row(year, group.Key, RealisationRow.All, group, start.Month, end.Month));
        }

        rows.Add(Row(year, RealisationRow.All, RealisationRow.All, units, start.Month, end.Month));
        return rows;
    }

    private static (UnitOutcome, int?) OutcomeOf(GeneratorRecord next, DateOnly planned)
    {
        if (next.Sheet == GeneratorSheet.Operating || next.Sheet == GeneratorSheet.Retired)
        {
            return (UnitOutcome.Online, null);
        }

        if (next.Sheet == GeneratorSheet.Canceled)
        {
            return (UnitOutcome.Canceled, null);
        }

        // Still planned: it slipped, by however far its planned month moved (a unit still planned for a past month slipped too).
        return (UnitOutcome.Slipped, GeneratorVintage.MonthOf(next.PlannedOperationMonth) is { } moved ? GeneratorVintage.MonthsBetween(planned, moved) : null);
    }

    private static RealisationRow Row(int year, string accreditationClass, string status, IEnumerable<(string Class, string Status, double Mw, UnitOutcome Outcome, int? Slip)> group, string startVintage, string endVintage)
    {
        var list = group.ToList();
        double Sum(UnitOutcome o) => list.Where(u => u.Outcome == o).Sum(u => u.Mw);
        var slips = list.Where(u => u.Outcome == UnitOutcome.Slipped && u.Slip is not null).Select(u => (double)u.Slip!.Value).ToList();
        return new RealisationRow(year, accreditationClass, status, list.Count, list.Sum(u => u.Mw),
            Sum(UnitOutcome.Online), Sum(UnitOutcome.Slipped), Sum(UnitOutcome.Canceled), Sum(UnitOutcome.Vanished),
            slips.Count > 0 ? slips.Average() : null, startVintage, endVintage);
    }
}
