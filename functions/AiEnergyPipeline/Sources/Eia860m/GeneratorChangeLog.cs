namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>
/// Builds generator_changes from vintages given in month order, PUDL-style (a slowly changing
/// dimension). Memory follows the number of generators, not the length of the history: it holds one
/// open stretch per generator, and the stretches a vintage closes go to a file of their own under
/// the work directory, sorted; <see cref="Rows"/> merges those files with the open stretches.
/// </summary>
/// <remarks>
/// A column a whole vintage lacks (the early workbooks have no balancing authority or, on some
/// sheets, no net summer capacity: <see cref="Eia860mColumnHistory"/>) is not a change: a stretch
/// begun without it takes the value from the next vintage that has it, and a vintage without it
/// keeps the stretch's value. So is a nameplate capacity that net summer capacity stood in for
/// (the sheets of 2015-07 to 2016-03 have no nameplate column): a layout, not a re-rating.
/// </remarks>
public sealed class GeneratorChangeLog : IDisposable
{
    /// <summary>Files of closed stretches kept apart before they are merged into one, bounding the files a merge opens.</summary>
    public const int MaxRuns = 16;

    private readonly Func<string, string> _classOf;
    private readonly string _directory;
    private readonly Dictionary<(long PlantId, string GeneratorId), GeneratorChange> _open = [];
    private readonly HashSet<(long PlantId, string GeneratorId)> _unknownBa = [];
    private readonly HashSet<(long PlantId, string GeneratorId)> _unknownSummer = [];
    private readonly HashSet<(long PlantId, string GeneratorId)> _unknownNameplate = [];
    private readonly List<(GeneratorChange Row, long Sequence)> _closing = [];
    private readonly List<string> _runs = [];
    private long _sequence;
    private int _files;
    private string? _lastMonth;

    /// <param name="classOf">The accreditation class of a technology.</param>
    /// <param name="workDirectory">Where the closed stretches are kept until <see cref="Rows"/> (a folder of the log's own is made in it, and deleted on dispose).</param>
    public GeneratorChangeLog(Func<string, string> classOf, string workDirectory)
    {
        _classOf = classOf;
        _directory = Path.Combine(workDirectory, $"generator-changes-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
    }

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
            var noNameplate = Eia860mColumnHistory.AbsenceOf(r.Sheet, Eia860mWorkbook.Nameplate, vintage.Month) is not null;
            var state = new GeneratorState(r.Sheet.Name, r.Status, r.PlannedOperationMonth, r.OperatingMonth, r.NameplateMw, r.NetSummerMw,
                r.Technology, _classOf(r.Technology), r.BalancingAuthorityCode, r.State);
            if (_open.TryGetValue(key, out var stretch) && Same(key, stretch.State, state, noBa, noSummer, noNameplate) is { } kept)
            {
                _open[key] = stretch with { ValidUntilMonth = vintage.Month, State = kept };
                continue;
            }

            if (stretch is not null)
            {
                Close(stretch);
            }

            _open[key] = new GeneratorChange(r.PlantId, r.GeneratorId, vintage.Month, vintage.Month, state);
            Mark(_unknownBa, key, noBa);
            Mark(_unknownSummer, key, noSummer);
            Mark(_unknownNameplate, key, noNameplate);
        }

        // A generator absent from this vintage ends its stretch; if it comes back, it starts another.
        foreach (var gone in _open.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            Close(_open[gone]);
            _open.Remove(gone);
        }

        Spill();
    }

    // The sequence keeps the order stretches closed in: it decides only between two stretches of one generator and month, which a vintage listing a generator twice would make.
    private void Close(GeneratorChange stretch) => _closing.Add((stretch, _sequence++));

    /// <summary>This vintage's closed stretches, sorted, to a file of their own; past <see cref="MaxRuns"/> files, all merged into one.</summary>
    private void Spill()
    {
        if (_closing.Count > 0)
        {
            _closing.Sort(ChangeRunFile.Compare);
            _runs.Add(WriteRun(_closing));
            _closing.Clear();
        }

        if (_runs.Count > MaxRuns)
        {
            var merged = WriteRun(ChangeRunFile.Merge(_runs.Select(ChangeRunFile.Read).ToList()));
            foreach (var run in _runs)
            {
                File.Delete(run);
            }

            _runs.Clear();
            _runs.Add(merged);
        }
    }

    private string WriteRun(IEnumerable<(GeneratorChange Row, long Sequence)> rows)
    {
        var path = Path.Combine(_directory, $"run-{_files++:D4}.bin");
        ChangeRunFile.Write(path, rows);
        return path;
    }

    /// <summary>The stretch's state, its unknown columns filled from <paramref name="next"/>, when nothing else differs; else null.</summary>
    private GeneratorState? Same((long, string) key, GeneratorState open, GeneratorState next, bool noBa, bool noSummer, bool noNameplate)
    {
        var filled = open with
        {
            BalancingAuthorityCode = _unknownBa.Contains(key) && !noBa ? next.BalancingAuthorityCode : open.BalancingAuthorityCode,
            NetSummerMw = _unknownSummer.Contains(key) && !noSummer ? next.NetSummerMw : open.NetSummerMw,
            NameplateMw = _unknownNameplate.Contains(key) && !noNameplate ? next.NameplateMw : open.NameplateMw,
        };
        var compared = next with
        {
            BalancingAuthorityCode = noBa ? filled.BalancingAuthorityCode : next.BalancingAuthorityCode,
            NetSummerMw = noSummer ? filled.NetSummerMw : next.NetSummerMw,
            NameplateMw = noNameplate ? filled.NameplateMw : next.NameplateMw,
        };
        if (filled != compared)
        {
            return null;
        }

        Mark(_unknownBa, key, _unknownBa.Contains(key) && noBa);
        Mark(_unknownSummer, key, _unknownSummer.Contains(key) && noSummer);
        Mark(_unknownNameplate, key, _unknownNameplate.Contains(key) && noNameplate);
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

    /// <summary>
    /// Every stretch, closed and open, by plant, generator and first month: streamed from the files
    /// of closed stretches merged with the open ones (which a closed stretch of the same generator
    /// and month precedes). Enumerate it before adding another vintage or disposing of the log.
    /// </summary>
    public IEnumerable<GeneratorChange> Rows()
    {
        // Open stretches come after every closed one, as if they closed now.
        var open = _open.Values.Select(c => (Row: c, Sequence: long.MaxValue)).ToList();
        open.Sort(ChangeRunFile.Compare);
        var sources = _runs.Select(ChangeRunFile.Read).Append(open).ToList();
        return ChangeRunFile.Merge(sources).Select(r => r.Row);
    }

    /// <summary>Deletes the files of closed stretches.</summary>
    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
