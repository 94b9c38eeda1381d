using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>A data row of an ISO queue file, its cells reached by <see cref="IsoField"/> name.</summary>
public sealed class IsoRow(SheetRow row, ColumnMap map, IReadOnlyList<string?> headers)
{
    public int Number => row.Number;

    public bool Has(string field) => map.Has(field);

    /// <summary>The cell's folded text, placeholders ("N/A", "-") blank; empty where the column is absent.</summary>
    public string Text(string field) => map.Has(field) ? QueueText.Value(row.Text(map[field])) : "";

    public object? Value(string field) => map.Has(field) ? row.Value(map[field]) : null;

    /// <summary>The header the file gives the field's column, for reasons; the field name where it is absent.</summary>
    public string Header(string field) => map.Has(field) && headers[map[field]] is { Length: > 0 } h ? QueueText.Fold(h) : field;

    public string Excerpt()
    {
        var text = string.Join(",", row.Texts().Take(12).Select(QueueText.Fold));
        return text.Length > 200 ? text[..200] : text;
    }
}
