namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>
/// Builds generator_changes from vintages given in month order, PUDL-style (a slowly changing
/// dimension): it holds one open stretch per generator, not the vintages, so memory follows the
/// number of generators rather than the length of the history.
/// </summary>
/// <remarks>
/// A column a whole vintage lacks (the early workbooks have no balancing authority or, on some
/// sheets, no net summer capacity: <see cref="Eia860mColumnHistory"/>) is not a change: a stretch
/// begun without it takes the value from the next vintage that has it, and a vintage without it
/// keeps the stretch's value.
/// </remarks>
public sealed class GeneratorChangeLog(Func<string, string> classOf)
{
    private readonly Dictionary<(long PlantId, string GeneratorId), GeneratorChange> _open = [];
    private readonly HashSet<(long PlantId, string GeneratorId)> _unknownBa = [];
    private readonly HashSet<(long PlantId, string GeneratorId)> _unknownSummer = [];
    private readonly List<GeneratorChange> _closed = [];
    private string? _lastMonth;

    /// <exception cref="ArgumentException">The vintage is not after the last one added.</exception>
    public void Add(GeneratorVintage vintage)
    {
        ArgumentNullException.ThrowIfNull(vintage);
        if (_lastMonth is not null && string.CompareOrdinal(vintage.Month, _lastMonth) <= 0)
        {
            throw new ArgumentException($"vintage {vintage.Month} is not after {_lastMonth}: vintages are added in month order.", nameof(vintage));
        }

        _lastMonth = vintage.Month;
        var noBa = vintage.Records.Count > 0 && vintage.Records.All(r => r.BalancingAuthorityCode.Length == 0);
        var noSummer = vintage.Records.Count > 0 && vintage.Records.All(r => r.NetSummerMw is null);
        var seen = new HashSet<(long, string)>();
        foreach (var r in vintage.Records)
        {
            var key = (r.PlantId, r.GeneratorId);
            seen.Add(key);
            var state = new GeneratorState(r.Sheet.Name, r.Status, r.PlannedOperationMonth, r.OperatingMonth, r.NameplateMw, r.NetSummerMw,
                r.Technology, classOf(r.Technology), r.BalancingAuthorityCode, r.State);
            if (_open.TryGetValue(key, out var stretch) && Same(key, stretch.State, state, noBa, noSummer) is { } kept)
            {
                _open[key] = stretch with { ValidUntilMonth = vintage.Month, State = kept };
                continue;
            }

            if (stretch is not null)
            {
                _closed.Add(stretch);
            }

            _open[key] = new GeneratorChange(r.PlantId, r.GeneratorId, vintage.Month, vintage.Month, state);
            Mark(_unknownBa, key, noBa);
            Mark(_unknownSummer, key, noSummer);
        }

        // A generator absent from this vintage ends its stretch; if it comes back, it starts another.
        foreach (var gone in _open.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _closed.Add(_open[gone]);
            _open.Remove(gone);
        }
    }

    /// <summary>The stretch's state, its unknown columns filled from <paramref name="next"/>, when nothing else differs; else null.</summary>
    private GeneratorState? Same((long, string) key, GeneratorState open, GeneratorState next, bool noBa, bool noSummer)
    {
        var filled = open with
        {
            BalancingAuthorityCode = _unknownBa.Contains(key) && !noBa ? next.BalancingAuthorityCode : open.BalancingAuthorityCode,
            NetSummerMw = _unknownSummer.Contains(key) && !noSummer ? next.NetSummerMw : open.NetSummerMw,
        };
        var compared = next with
        {
            BalancingAuthorityCode = noBa ? filled.BalancingAuthorityCode : next.BalancingAuthorityCode,
            NetSummerMw = noSummer ? filled.NetSummerMw : next.NetSummerMw,
        };
        if (filled != compared)
        {
            return null;
        }

        Mark(_unknownBa, key, _unknownBa.Contains(key) && noBa);
        Mark(_unknownSummer, key, _unknownSummer.Contains(key) && noSummer);
        return filled;
    }

    private static void Mark(HashSet<(long, string)> set, (long, string) key, bool unknown)
    {
        if (unknown)
        {
            set.Add(key);
        }
        else
        {
            set.Remove(key);
        }
    }

    /// <summary>Every stretch, closed and open, by plant, generator and first month.</summary>
    public IReadOnlyList<GeneratorChange> Rows() =>
        _closed.Concat(_open.Values)
            .OrderBy(c => c.PlantId)
            .ThenBy(c => c.GeneratorId, StringComparer.Ordinal)
            .ThenBy(c => c.ValidFromMonth, StringComparer.Ordinal)
            .ToList();
}
