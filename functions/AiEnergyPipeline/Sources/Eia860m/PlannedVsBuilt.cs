namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>
/// Capacity planned for a year at its start (its January vintage) against capacity built in it,
/// read from the first vintage after the year, or from the newest one while none is. Fed vintages
/// in month order; holds only the planned sums of years still waiting for a vintage after them.
/// </summary>
public sealed class PlannedVsBuilt(Func<string, string> classOf)
{
    private readonly List<(int Year, string Vintage, Dictionary<string, double> PlannedMw)> _waiting = [];
    private readonly List<PlannedVsBuiltRow> _rows = [];
    private GeneratorVintage? _newest;

    public void Add(GeneratorVintage vintage)
    {
        ArgumentNullException.ThrowIfNull(vintage);
        var month = vintage.Start;
        foreach (var year in _waiting.Where(w => month >= new DateOnly(w.Year + 1, 1, 1)).ToList())
        {
            Close(year, vintage, complete: true);
            _waiting.Remove(year);
        }

        if (month.Month == 1)
        {
            var planned = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var r in vintage.Records.Where(r => r.Sheet == GeneratorSheet.Planned && GeneratorVintage.MonthOf(r.PlannedOperationMonth)?.Year == month.Year))
            {
                var key = classOf(r.Technology);
                planned[key] = planned.GetValueOrDefault(key) + r.NameplateMw;
            }

            _waiting.Add((month.Year, vintage.Month, planned));
        }

        _newest = vintage;
    }

    /// <summary>Every year's rows by class and in all, by year; years still open are read from the newest vintage (year_complete false).</summary>
    public IReadOnlyList<PlannedVsBuiltRow> Rows()
    {
        var rows = new List<PlannedVsBuiltRow>(_rows);
        foreach (var waiting in _waiting)
        {
            rows.AddRange(_newest is not null && _newest.Month != waiting.Vintage
                ? RowsOf(waiting, Built(waiting.Year, _newest), _newest.Month, complete: false)
                : RowsOf(waiting, null, "", complete: false));
        }

        return rows.OrderBy(r => r.Year).ThenBy(r => r.AccreditationClass == RealisationRow.All ? 1 : 0).ThenBy(r => r.AccreditationClass, StringComparer.Ordinal).ToList();
    }

    private void Close((int Year, string Vintage, Dictionary<string, double> PlannedMw) waiting, GeneratorVintage after, bool complete) =>
        _rows.AddRange(RowsOf(waiting, Built(waiting.Year, after), after.Month, complete));

    private Dictionary<string, double> Built(int year, GeneratorVintage vintage)
    {
        var built = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in vintage.Records.Where(r => (r.Sheet == GeneratorSheet.Operating || r.Sheet == GeneratorSheet.Retired) && GeneratorVintage.MonthOf(r.OperatingMonth)?.Year == year))
        {
            var key = classOf(r.Technology);
            built[key] = built.GetValueOrDefault(key) + r.NameplateMw;
        }

        return built;
    }

    private static IEnumerable<PlannedVsBuiltRow> RowsOf((int Year, string Vintage, Dictionary<string, double> PlannedMw) waiting, Dictionary<string, double>? built, string builtVintage, bool complete)
    {
        var classes = waiting.PlannedMw.Keys.Concat(built?.Keys.AsEnumerable() ?? []).Distinct().Order(StringComparer.Ordinal);
        foreach (var c in classes)
        {
            yield return new PlannedVsBuiltRow(waiting.Year, c, waiting.PlannedMw.GetValueOrDefault(c) / 1000, built is null ? null : built.GetValueOrDefault(c) / 1000, waiting.Vintage, builtVintage, complete);
        }

        yield return new PlannedVsBuiltRow(waiting.Year, RealisationRow.All, waiting.PlannedMw.Values.Sum() / 1000, built?.Values.Sum() / 1000, waiting.Vintage, builtVintage, complete);
    }
}
