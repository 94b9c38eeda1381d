using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using CsvHelper;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// The one parser of EIA-930 BALANCE files: reads a CSV row at a time into the fields below,
/// without allocating per row. Fields are read as UTF-8 spans and parsed by the fast paths of
/// <see cref="Utf8Fields"/>; anything those do not accept takes the string path that the rules
/// were first written with, so results do not depend on which path ran. Balancing authority
/// codes are interned: one string per code per file.
/// </summary>
public sealed class Eia930BalanceRowReader : IDisposable
{
    /// <summary>The series of a row, in the order of <see cref="BaSeries"/>: demand, forecast, net generation, interchange.</summary>
    public const int SeriesCount = 4;

    private const int MaxStackChars = 256;

    /// <summary>Distinct balancing authority codes one file may list: EIA-930 has about 70.</summary>
    public const int MaxBalancingAuthorities = 1_000;

    private readonly CsvReader _csv;
    private readonly FetchedFile _file;
    private readonly SourceLimitsOptions? _limits;
    private readonly Action<QuarantineRecord> _quarantine;
    private readonly Eia930BalanceCsv.Columns _columns;
    private readonly Eia930BalanceCsv.SeriesColumn[] _series;
    private readonly Dictionary<string, (DateTime Period, long Line)> _lastPeriodByBa = new(StringComparer.Ordinal);
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _codeLookup;
    private readonly double[] _values = new double[SeriesCount];
    private readonly ValueState[] _states = new ValueState[SeriesCount];
    private byte[] _lastRawBa = new byte[64];
    private int _lastRawBaLength = -1;
    private string _lastBa = "";
    private string? _runBa;
    private (DateTime Period, long Line) _runLast;
    private bool _runSeen;

    private Eia930BalanceRowReader(CsvReader csv, FetchedFile file, Action<QuarantineRecord> quarantine, Eia930BalanceCsv.Columns columns, SourceLimitsOptions? limits)
    {
        _csv = csv;
        _file = file;
        _limits = limits;
        _quarantine = quarantine;
        _columns = columns;
        _series = [.. columns.Series];
        _codeLookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether a series has a value in the current row, and what the file says of its imputation.</summary>
    public enum ValueState : byte
    {
        None,
        ImputedUnknown,
        NotImputed,
        Imputed,
    }

    /// <summary>The balancing authority of the current row (trimmed, interned).</summary>
    public string BalancingAuthorityCode { get; private set; } = "";

    /// <summary>The end of the hour of the current row, UTC.</summary>
    public DateTime PeriodEndUtc { get; private set; }

    /// <summary>The 1-based line where the current row starts.</summary>
    public long Line { get; private set; }

    /// <summary>Opens a BALANCE CSV, reading its header.</summary>
    /// <exception cref="SourceException">The file is not a BALANCE CSV (HTML, empty, required columns missing).</exception>
    public static Eia930BalanceRowReader Open(Stream content, FetchedFile file, Action<QuarantineRecord> quarantine, SourceLimitsOptions? limits = null)
    {
        CsvInput.RejectIfNotCsv(content, file);
        var options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true };
        var csv = CsvInput.Open(content, file.Source, file.FileName, options, limits);
        try
        {
            return new Eia930BalanceRowReader(csv, file, quarantine, Eia930BalanceCsv.Columns.Find(csv.Headers, file), limits);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    public ValueState State(int series) => _states[series];

    public bool HasValue(int series) => _states[series] != ValueState.None;

    public double Value(int series) => _values[series];

    public bool? Imputed(int series) => _states[series] switch
    {
        ValueState.Imputed => true,
        ValueState.NotImputed => false,
        _ => null,
    };

    /// <summary>The ba_hourly record of one series of the current row (which must have a value).</summary>
    public BaHourlyRecord Record(int series) =>
        new(BalancingAuthorityCode, PeriodEndUtc, Eia930BalanceCsv.SeriesAt(series), _values[series], Eia930BalanceCsv.SourceLabel, Imputed(series));

    /// <summary>
    /// Moves to the next row that has a balancing authority, a time and is not a duplicate;
    /// rows without them, and series values that are not numbers, go to the quarantine.
    /// </summary>
    public bool Next()
    {
        while (CsvInput.Read(_csv, _file.Source, _file.FileName, _limits))
        {
            if (TryReadRow())
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryReadRow()
    {
        var line = _csv.LineNumber;
        var ba = ReadBa();
        if (ba.Length == 0)
        {
            Quarantine(line, $"'{Eia930BalanceCsv.BalancingAuthority}' is empty");
            return false;
        }

        if (!ReadPeriod(out var period, out var utcText))
        {
            Quarantine(line, $"'{Eia930BalanceCsv.UtcTimeAtEndOfHour}' value '{CsvInput.Shorten(utcText)}' is not a date and time");
            return false;
        }

        // Rows come in runs of one balancing authority: its last hour is kept here during a run
        // and looked up or stored only when the authority changes.
        if (!ReferenceEquals(ba, _runBa))
        {
            if (_runBa is not null)
            {
                _lastPeriodByBa[_runBa] = _runLast;
            }

            _runBa = ba;
            _runSeen = _lastPeriodByBa.TryGetValue(ba, out _runLast);
        }

        if (_runSeen && _runLast.Period == period)
        {
            Quarantine(line, $"duplicate of line {_runLast.Line}: same balancing authority and hour");
            return false;
        }

        _runLast = (period, line);
        _runSeen = true;
        BalancingAuthorityCode = ba;
        PeriodEndUtc = period;
        Line = line;
        for (var s = 0; s < _series.Length; s++)
        {
            ReadSeries(s, line);
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadSeries(int s, long line)
    {
        var column = _series[s];
        _states[s] = ValueState.None;
        var index = column.Adjusted;
        ReadOnlySpan<byte> raw = default;
        var kind = index >= 0 ? Classify(index, out raw) : FieldKind.Empty;
        if (kind == FieldKind.Empty)
        {
            index = column.Reported;
            kind = Classify(index, out raw);
        }

        if (kind == FieldKind.Empty)
        {
            return;
        }

        double value;
        if (kind == FieldKind.Ascii && Utf8Fields.TryParseNumber(raw, out value))
        {
            // parsed on the fast path
        }
        else
        {
            var text = _csv.GetString(index).Trim();
            if (!Utf8Fields.TryParseNumberSlow(text, out value) || !double.IsFinite(value))
            {
                Quarantine(line, $"'{column.Name}' value '{CsvInput.Shorten(text)}' is not a number");
                return;
            }
        }

        _values[s] = value;
        _states[s] = column.Imputed < 0 ? ValueState.ImputedUnknown
            : IsBlank(column.Imputed) ? ValueState.NotImputed : ValueState.Imputed;
    }

    private enum FieldKind
    {
        Empty,
        Ascii,
        Other,
    }

    /// <summary>Whether a field is empty once trimmed as <see cref="string.Trim()"/> trims, and its trimmed bytes when they are plain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private FieldKind Classify(int index, out ReadOnlySpan<byte> trimmed)
    {
        if (Utf8Fields.TryTrimAscii(_csv.GetSpan(index), out trimmed))
        {
            return trimmed.IsEmpty ? FieldKind.Empty : FieldKind.Ascii;
        }

        return _csv.GetString(index).Trim().Length == 0 ? FieldKind.Empty : FieldKind.Other;
    }

    private bool IsBlank(int index) => Classify(index, out _) == FieldKind.Empty;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string ReadBa()
    {
        var raw = _csv.GetSpan(_columns.Ba);
        if (raw.Length == _lastRawBaLength && raw.SequenceEqual(_lastRawBa.AsSpan(0, _lastRawBaLength)))
        {
            return _lastBa;
        }

        string ba;
        if (raw.Length <= MaxStackChars)
        {
            Span<char> chars = stackalloc char[MaxStackChars];
            var trimmed = chars[..Encoding.UTF8.GetChars(raw, chars)].Trim();
            if (!_codeLookup.TryGetValue(trimmed, out ba!))
            {
                ba = trimmed.ToString();
                _codes.Add(ba);
                if (_codes.Count > MaxBalancingAuthorities)
                {
                    // Every authority keeps state to the file's end (its last hour, coverage, annual sums): bounded by their number.
                    throw new SourceException(_file.Source, _file.FileName, $"line {_csv.LineNumber}: more than {MaxBalancingAuthorities:N0} distinct balancing authority codes; a BALANCE file lists about 70.");
                }
            }
        }
        else
        {
            ba = _csv.GetString(_columns.Ba).Trim();
        }

        if (_lastRawBa.Length < raw.Length)
        {
            _lastRawBa = new byte[raw.Length];
        }

        raw.CopyTo(_lastRawBa);
        _lastRawBaLength = raw.Length;
        _lastBa = ba;
        return ba;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadPeriod(out DateTime period, out string text)
    {
        text = "";
        if (Utf8Fields.TryTrimAscii(_csv.GetSpan(_columns.Utc), out var raw) && Utf8Fields.TryParseUsDateTime(raw, out period))
        {
            return true;
        }

        text = _csv.GetString(_columns.Utc).Trim();
        return DateTime.TryParseExact(text, Eia930BalanceCsv.UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out period);
    }

    private void Quarantine(long line, string reason) =>
        _quarantine(new QuarantineRecord(_file.Source, _file.FileName, _file.RawPath, line, reason, CsvInput.Excerpt(_csv, 8)));

    public void Dispose() => _csv.Dispose();
}
