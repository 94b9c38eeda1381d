using System.Text;

namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>
/// A file of closed generator_changes stretches in table order (plant, generator, first month, then
/// the order they closed in), and the merge of several into that order. Binary, so that every value,
/// doubles included, reads back exactly as written and the table's bytes do not depend on the spill.
/// </summary>
internal static class ChangeRunFile
{
    private const int BufferBytes = 1 << 16;

    /// <summary>Table order: a generator's stretches together, by first month; the closing sequence decides only between stretches of one month.</summary>
    public static int Compare((GeneratorChange Row, long Sequence) x, (GeneratorChange Row, long Sequence) y)
    {
        var order = x.Row.PlantId.CompareTo(y.Row.PlantId);
        if (order == 0)
        {
            order = string.CompareOrdinal(x.Row.GeneratorId, y.Row.GeneratorId);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.Row.ValidFromMonth, y.Row.ValidFromMonth);
        }

        return order != 0 ? order : x.Sequence.CompareTo(y.Sequence);
    }

    /// <summary>Writes rows already in table order.</summary>
    public static void Write(string path, IEnumerable<(GeneratorChange Row, long Sequence)> rows)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes);
        using var writer = new BinaryWriter(file, Encoding.UTF8);
        foreach (var (row, sequence) in rows)
        {
            var s = row.State;
            writer.Write(sequence);
            writer.Write(row.PlantId);
            writer.Write(row.GeneratorId);
            writer.Write(row.ValidFromMonth);
            writer.Write(row.ValidUntilMonth);
            writer.Write(s.Sheet);
            writer.Write(s.Status);
            writer.Write(s.PlannedOperationMonth);
            writer.Write(s.OperatingMonth);
            writer.Write(s.NameplateMw);
            writer.Write(s.NetSummerMw.HasValue);
            writer.Write(s.NetSummerMw ?? 0);
            writer.Write(s.Technology);
            writer.Write(s.AccreditationClass);
            writer.Write(s.BalancingAuthorityCode);
            writer.Write(s.State);
        }
    }

    /// <summary>The rows of a file, in the order written.</summary>
    public static IEnumerable<(GeneratorChange Row, long Sequence)> Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes);
        using var reader = new BinaryReader(file, Encoding.UTF8);
        while (file.Position < file.Length)
        {
            var sequence = reader.ReadInt64();
            var plantId = reader.ReadInt64();
            var generatorId = reader.ReadString();
            var from = reader.ReadString();
            var until = reader.ReadString();
            var state = new GeneratorState(
                Sheet: reader.ReadString(),
                Status: reader.ReadString(),
                PlannedOperationMonth: reader.ReadString(),
                OperatingMonth: reader.ReadString(),
                NameplateMw: reader.ReadDouble(),
                NetSummerMw: reader.ReadBoolean() ? reader.ReadDouble() : SkipDouble(reader),
                Technology: reader.ReadString(),
                AccreditationClass: reader.ReadString(),
                BalancingAuthorityCode: reader.ReadString(),
                State: reader.ReadString());
            yield return (new GeneratorChange(plantId, generatorId, from, until, state), sequence);
        }
    }

    /// <summary>Sources each in table order, merged into table order, holding one row of each.</summary>
    public static IEnumerable<(GeneratorChange Row, long Sequence)> Merge(IReadOnlyList<IEnumerable<(GeneratorChange Row, long Sequence)>> sources)
    {
        var cursors = new List<IEnumerator<(GeneratorChange Row, long Sequence)>>(sources.Count);
        try
        {
            var heads = new PriorityQueue<int, (GeneratorChange Row, long Sequence)>(Comparer<(GeneratorChange Row, long Sequence)>.Create(Compare));
            foreach (var source in sources)
            {
                var cursor = source.GetEnumerator();
                cursors.Add(cursor);
                if (cursor.MoveNext())
                {
                    heads.Enqueue(cursors.Count - 1, cursor.Current);
                }
            }

            while (heads.TryDequeue(out var index, out var head))
            {
                yield return head;
                if (cursors[index].MoveNext())
                {
                    heads.Enqueue(index, cursors[index].Current);
                }
            }
        }
        finally
        {
            foreach (var cursor in cursors)
            {
                cursor.Dispose();
            }
        }
    }

    private static double? SkipDouble(BinaryReader reader)
    {
        reader.ReadDouble();
        return null;
    }
}
