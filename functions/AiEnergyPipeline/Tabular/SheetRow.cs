using ExcelDataReader;
using System.Globalization;

namespace AiEnergyPipeline.Tabular;

/// <summary>One row of a worksheet: its 1-based row number in the sheet and its cell values.</summary>
public sealed class SheetRow(int number, object?[] values)
{
    public int Number { get; } = number;
    public IReadOnlyList<object?> Values { get; } = values;

    public object? Value(int index) => index >= 0 && index < Values.Count ? Values[index] : null;

    /// <summary>The cell as trimmed text: numbers invariant, dates ISO; empty for a blank cell.</summary>
    public string Text(int index) => Value(index) switch
    {
        null => "",
        string s => s.Trim(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("s", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString()?.Trim() ?? "",
    };

    public IReadOnlyList<string?> Texts() => Enumerable.Range(0, Values.Count).Select(i => (string?)Text(i)).ToList();

    public bool IsBlank => Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)));
}
