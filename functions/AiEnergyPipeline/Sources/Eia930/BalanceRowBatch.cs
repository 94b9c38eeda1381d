using System.Runtime.CompilerServices;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>Parsed BALANCE rows handed from the parsing thread to the writing one, reused.</summary>
internal sealed class BalanceRowBatch
{
    public const int Capacity = 4096;

    public string[] Ba { get; } = new string[Capacity];

    public DateTime[] Period { get; } = new DateTime[Capacity];

    public double[] Values { get; } = new double[Capacity * Eia930BalanceRowReader.SeriesCount];

    public Eia930BalanceRowReader.ValueState[] States { get; } = new Eia930BalanceRowReader.ValueState[Capacity * Eia930BalanceRowReader.SeriesCount];

    public int Count { get; set; }

    public bool IsFull => Count == Capacity;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(Eia930BalanceRowReader rows)
    {
        var r = Count++;
        Ba[r] = rows.BalancingAuthorityCode;
        Period[r] = rows.PeriodEndUtc;
        for (var s = 0; s < Eia930BalanceRowReader.SeriesCount; s++)
        {
            Values[(r * Eia930BalanceRowReader.SeriesCount) + s] = rows.Value(s);
            States[(r * Eia930BalanceRowReader.SeriesCount) + s] = rows.State(s);
        }
    }
}
