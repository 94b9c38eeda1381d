namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// Reads the cells of one row, keeping the first reason the row cannot be read; the readers of
/// both formats use it, so that the same mistake gets the same reason. Columns are named as the
/// file names them.
/// </summary>
internal sealed class QueueFields
{
    public string? Reason { get; private set; }

    public bool Failed => Reason is not null;

    public string Id(string column, string text)
    {
        var id = QueueText.QueueId(text);
        if (id.Length == 0)
        {
            Fail($"'{column}' is empty");
        }

        return id;
    }

    /// <summary>
    /// The normalised status and the source's words. An empty cell fails the row (it is not a
    /// status); a word no rule knows is kept as unknown, never a reason to quarantine.
    /// </summary>
    public (string Status, string Raw) Status(string column, string text)
    {
        var word = QueueText.Value(text);
        if (word.Length == 0)
        {
            Fail($"'{column}' is empty");
            return ("", "");
        }

        return (QueueStatuses.NormaliseOrUnknown(word), word);
    }

    /// <summary>A capacity that must be there: blank, not a number or negative fails the row.</summary>
    public double Capacity(string column, object? cell, string text)
    {
        if (QueueText.Value(text).Length == 0)
        {
            Fail($"'{column}' is empty");
            return 0;
        }

        return OptionalCapacity(column, cell, text) ?? 0;
    }

    /// <summary>A capacity that may be blank (null); not a number or negative fails the row.</summary>
    public double? OptionalCapacity(string column, object? cell, string text)
    {
        var value = QueueText.Value(text);
        if (value.Length == 0)
        {
            return null;
        }

        var number = QueueText.Number(cell is string ? null : cell, value);
        if (number is null)
        {
            Fail($"'{column}' value '{QueueText.Excerpt(value)}' is not a number");
        }
        else if (number < 0)
        {
            Fail($"'{column}' value '{QueueText.Excerpt(value)}' is negative");
        }

        return number;
    }

    /// <summary>A date that may be blank (null); anything else that is not a date fails the row.</summary>
    public QueueDate? Date(string column, object? cell, string text)
    {
        if (!QueueDate.TryRead(cell, text, out var date))
        {
            Fail($"'{column}' value '{QueueText.Excerpt(QueueText.Fold(text))}' is not a date");
        }

        return date;
    }

    public void Fail(string reason) => Reason ??= reason;
}
