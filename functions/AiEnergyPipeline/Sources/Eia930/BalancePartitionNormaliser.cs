using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Eia930.ParquetFormat;
using AiEnergyPipeline.Tables;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// Normalises one EIA-930 BALANCE file into ba_hourly part files named <c>{partName}.csv</c> and
/// <c>{partName}.parquet</c> in <c>outputDirectory</c>, streaming: memory does not grow with the
/// file. Rows that cannot be read go to <c>quarantine</c>; a file that cannot be read throws
/// <see cref="SourceException"/> naming it.
/// </summary>
/// <remarks>
/// Two threads of about equal work: the calling one parses rows and folds them into coverage; a
/// second takes the rows in batches, writes the CSV and the Parquet and folds ba_annual. A bounded
/// queue of reused batches keeps memory flat, and the outputs are the same as one thread's.
/// </remarks>
public static class BalancePartitionNormaliser
{
    private const int QueuedBatches = 24;

    public static async Task<BalancePartitionResult> NormaliseAsync(
        FetchedFile file,
        string outputDirectory,
        string partName,
        Action<QuarantineRecord> quarantine,
        CancellationToken cancellationToken,
        int parquetRowGroupRows = BaHourlyParquet.DefaultRowGroupRows,
        SourceLimitsOptions? limits = null,
        ParquetCompression compression = ParquetCompression.Snappy)
    {
        Directory.CreateDirectory(outputDirectory);
        // Every row of the part is the file's: one origin for all of them.
        var origin = RowOrigin.Of(file.Origin);
        using var csv = new BaHourlyCsvWriter(Path.Combine(outputDirectory, partName + ".csv"), origin);
        // A part made from a sample file says so in its footer; the part is cached by the file's bytes, which are the sample's alone.
        using var parquet = new BaHourlyParquetWriter(Path.Combine(outputDirectory, partName + ".parquet"), origin, parquetRowGroupRows, compression, ParquetLabels.For(file.Origin == InputOrigin.Sample));
        var sink = new Sink(csv, parquet);
        var coverage = new Dictionary<string, BaCoverage>(StringComparer.Ordinal);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var filled = Channel.CreateBounded<BalanceRowBatch>(new BoundedChannelOptions(QueuedBatches) { SingleReader = true, SingleWriter = true });
        var free = Channel.CreateUnbounded<BalanceRowBatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        for (var i = 0; i < QueuedBatches + 2; i++)
        {
            free.Writer.TryWrite(new BalanceRowBatch());
        }

        var consumer = Task.Run(() => sink.ConsumeAsync(filled.Reader, free.Writer, stop), CancellationToken.None);
        try
        {
            await ProduceAsync(file, quarantine, limits, coverage, filled.Writer, free.Reader, stop.Token);
        }
        catch
        {
            await stop.CancelAsync();
            filled.Writer.TryComplete();
            try
            {
                await consumer;
            }
            catch (OperationCanceledException)
            {
                // stopped because the producer failed: its exception is the one to report
            }

            throw;
        }

        filled.Writer.TryComplete();
        await consumer;
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<StagedTable> files = [csv.Complete(partName), parquet.Complete(partName)];
        return new BalancePartitionResult(partName, files, sink.Rows, sink.Rows, coverage, sink.Annual);
    }

    private static async Task ProduceAsync(FetchedFile file, Action<QuarantineRecord> quarantine, SourceLimitsOptions? limits, Dictionary<string, BaCoverage> coverages, ChannelWriter<BalanceRowBatch> filled, ChannelReader<BalanceRowBatch> free, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenRead(cancellationToken);
        using var rows = Eia930BalanceRowReader.Open(stream, file, quarantine, limits);
        var batch = await free.ReadAsync(cancellationToken);
        string? runBa = null;
        var run = default(BaCoverage);
        while (rows.Next())
        {
            var any = false;
            for (var s = 0; s < Eia930BalanceRowReader.SeriesCount; s++)
            {
                any |= rows.HasValue(s);
            }

            if (any)
            {
                // rows come in runs of one balancing authority: its coverage is looked up once a run
                var period = rows.PeriodEndUtc;
                if (ReferenceEquals(rows.BalancingAuthorityCode, runBa))
                {
                    run = run.Including(period);
                }
                else
                {
                    if (runBa is not null)
                    {
                        coverages[runBa] = run;
                    }

                    runBa = rows.BalancingAuthorityCode;
                    run = coverages.TryGetValue(runBa, out var known) ? known.Including(period) : new BaCoverage(period, period);
                }
                batch.Add(rows);
                if (batch.IsFull)
                {
                    await filled.WriteAsync(batch, cancellationToken);
                    batch = await free.ReadAsync(cancellationToken);
                }
            }
        }

        if (runBa is not null)
        {
            coverages[runBa] = run;
        }

        if (batch.Count > 0)
        {
            await filled.WriteAsync(batch, cancellationToken);
        }
    }

    /// <summary>
    /// The second thread: the CSV and Parquet files and ba_annual, in the order the rows were read.
    /// Demand is screened (<see cref="DemandScreen"/>), which needs the hour after: each row is held
    /// back until the next row arrives, one row in all since rows come grouped by balancing
    /// authority. The last hour of an authority in the file is judged without its next hour.
    /// </summary>
    private sealed class Sink(BaHourlyCsvWriter csv, BaHourlyParquetWriter parquet)
    {
        private const int Demand = (int)BaSeries.Demand;
        private readonly Dictionary<(string Ba, int Year), DemandSums> _demand = [];
        private readonly Dictionary<string, DemandScreen> _screens = new(StringComparer.Ordinal);
        private readonly double[] _heldValues = new double[Eia930BalanceRowReader.SeriesCount];
        private readonly Eia930BalanceRowReader.ValueState[] _heldStates = new Eia930BalanceRowReader.ValueState[Eia930BalanceRowReader.SeriesCount];
        private string? _heldBa;
        private DateTime _heldPeriod;
        private string? _screenBa;
        private DemandScreen _screen = new();
        private string? _lastBa;
        private long _yearStartTicks = long.MaxValue;
        private long _yearEndTicks = long.MinValue;
        private DemandSums _last = new();

        /// <summary>The ba_annual sums: the same as <see cref="BaAnnualAggregator.Add"/> of each row, in the same order.</summary>
        public BaAnnualAggregator Annual => BaAnnualAggregator.FromPartials(
            _demand.Select(p => new BaAnnualPartial(p.Key.Ba, p.Key.Year, p.Value.Peak, p.Value.Energy, p.Value.Hours, p.Value.Flagged)));

        public long Rows { get; private set; }

        public async Task ConsumeAsync(ChannelReader<BalanceRowBatch> filled, ChannelWriter<BalanceRowBatch> free, CancellationTokenSource stop)
        {
            try
            {
                await foreach (var batch in filled.ReadAllAsync(stop.Token))
                {
                    Write(batch);
                    batch.Count = 0;
                    free.TryWrite(batch);
                }

                if (_heldBa is not null)
                {
                    WriteHeld(DateTime.MinValue, 0);
                }
            }
            catch
            {
                // wakes the producer, which may wait for a free batch
                await stop.CancelAsync();
                throw;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Write(BalanceRowBatch batch)
        {
            const int n = Eia930BalanceRowReader.SeriesCount;
            for (var r = 0; r < batch.Count; r++)
            {
                var ba = batch.Ba[r];
                var period = batch.Period[r];
                if (_heldBa is not null)
                {
                    // the row after the held one is its next hour when it is the same authority's
                    var sameBa = ReferenceEquals(ba, _heldBa);
                    var hasDemand = batch.States[(r * n) + Demand] != Eia930BalanceRowReader.ValueState.None;
                    WriteHeld(sameBa && hasDemand ? period : DateTime.MinValue, batch.Values[(r * n) + Demand]);
                }

                _heldBa = ba;
                _heldPeriod = period;
                batch.Values.AsSpan(r * n, n).CopyTo(_heldValues);
                batch.States.AsSpan(r * n, n).CopyTo(_heldStates);
            }
        }

        /// <summary>Writes the held row, its demand screened against the hours before it and the next one.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void WriteHeld(DateTime nextPeriod, double nextDemand)
        {
            const string source = Eia930BalanceCsv.SourceLabel;
            var ba = _heldBa!;
            var period = _heldPeriod;
            for (var s = 0; s < Eia930BalanceRowReader.SeriesCount; s++)
            {
                var state = _heldStates[s];
                if (state == Eia930BalanceRowReader.ValueState.None)
                {
                    continue;
                }

                bool? imputed = state switch
                {
                    Eia930BalanceRowReader.ValueState.Imputed => true,
                    Eia930BalanceRowReader.ValueState.NotImputed => false,
                    _ => null,
                };
                var series = Eia930BalanceCsv.SeriesAt(s);
                var value = _heldValues[s];
                DemandQuality? quality = null;
                if (series == BaSeries.Demand)
                {
                    var q = ScreenOf(ba).Screen(period, value, nextPeriod, nextDemand);
                    AddDemand(ba, period, value, q);
                    quality = q;
                }

                csv.Write(ba, period, series, value, source, imputed, quality);
                parquet.Add(ba, period, series, value, source, imputed, quality);
                Rows++;
            }

            _heldBa = null;
        }

        /// <summary>The screen of a balancing authority, looked up only when the authority changes.</summary>
        private DemandScreen ScreenOf(string ba)
        {
            if (!ReferenceEquals(ba, _screenBa))
            {
                if (!_screens.TryGetValue(ba, out var screen))
                {
                    screen = new DemandScreen();
                    _screens.Add(ba, screen);
                }

                _screen = screen;
                _screenBa = ba;
            }

            return _screen;
        }

        /// <summary>Folds a demand value in as <see cref="BaAnnualAggregator"/> does, looking its sums up only when the authority or year changes.</summary>
        private void AddDemand(string ba, DateTime period, double value, DemandQuality quality)
        {
            if (!ReferenceEquals(ba, _lastBa) || period.Ticks < _yearStartTicks || period.Ticks >= _yearEndTicks)
            {
                var year = period.Year;
                if (!_demand.TryGetValue((ba, year), out var sums))
                {
                    sums = new DemandSums();
                    _demand.Add((ba, year), sums);
                }

                _last = sums;
                _lastBa = ba;
                _yearStartTicks = new DateTime(year, 1, 1).Ticks;
                _yearEndTicks = year == 9999 ? long.MaxValue : new DateTime(year + 1, 1, 1).Ticks;
            }

            if (quality == DemandQuality.Ok)
            {
                _last.Peak = Math.Max(_last.Peak, value);
                _last.Energy += value;
                _last.Hours++;
            }
            else
            {
                _last.Flagged++;
            }
        }
    }

    private sealed class DemandSums
    {
        public double Peak { get; set; } = double.MinValue;

        public double Energy { get; set; }

        public long Hours { get; set; }

        public long Flagged { get; set; }
    }
}
