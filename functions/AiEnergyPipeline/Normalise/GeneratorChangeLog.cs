namespace AiEnergyPipeline.Normalise;

/// <summary>What generator_changes tracks of a generator: a change to any of it starts a new stretch.</summary>
public sealed record GeneratorState(
    string Sheet,
    string Status,
    string PlannedOperationMonth,
    string OperatingMonth,
    double NameplateMw,
    double? NetSummerMw,
    string Technology,
    string AccreditationClass,
    string BalancingAuthorityCode,
    string State);

/// <summary>One row of generator_changes: a stretch of vintages over which a generator's record did not change.</summary>
public sealed record GeneratorChange(long PlantId, string GeneratorId, string ValidFromMonth, string ValidUntilMonth, GeneratorState State);

/// <summary>
/// Builds generator_changes from vintages given in month order, PUDL-style (a slowly changing
/// dimension): it holds one open stretch per generator, not the vintages, so memory follows the
/// number of generators rather than the length of the history.
/// </summary>
public sealed class GeneratorChangeLog(Func<string, string> classOf)
{
    private readonly Dictionary<(long PlantId, string GeneratorId), GeneratorChange> _open = [];
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
        var seen = new HashSet<(long, string)>();
        foreach (var r in vintage.Records)
        {
            var key = (r.PlantId, r.GeneratorId);
            seen.Add(key);
            var state = new GeneratorState(r.Sheet.Name, r.Status, r.PlannedOperationMonth, r.OperatingMonth, r.NameplateMw, r.NetSummerMw,
                r.Technology, classOf(r.Technology), r.BalancingAuthorityCode, r.State);
            if (_open.TryGetValue(key, out var stretch) && stretch.State == state)
            {
                _open[key] = stretch with { ValidUntilMonth = vintage.Month };
                continue;
            }

            if (stretch is not null)
            {
                _closed.Add(stretch);
            }

            _open[key] = new GeneratorChange(r.PlantId, r.GeneratorId, vintage.Month, vintage.Month, state);
        }

        // A generator absent from this vintage ends its stretch; if it comes back, it starts another.
        foreach (var gone in _open.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _closed.Add(_open[gone]);
            _open.Remove(gone);
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
