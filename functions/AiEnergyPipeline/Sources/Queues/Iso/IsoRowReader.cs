using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>Turns one row of an ISO file into a project, or says why it cannot (or that it is no project: a note or footer).</summary>
internal static class IsoRowReader
{
    /// <returns>The project; null with a reason for a row that cannot be read, null without one for a row that is no project.</returns>
    public static QueueProject? Read(IsoRow row, string sheet, FetchedFile file, IsoQueueLayout layout, out string? reason)
    {
        reason = null;
        var id = QueueText.QueueId(row.Text(IsoField.QueueId));
        var capacityField = First(row, IsoField.Capacity, IsoField.Capacity2);
        if (!id.Any(char.IsAsciiDigit))
        {
            // Legends and notes below the data have no id and no capacity; a project row has both.
            if (id.Length == 0 && row.Text(capacityField).Length > 0)
            {
                reason = $"'{row.Header(IsoField.QueueId)}' is empty";
            }

            return null;
        }

        if (!layout.Includes(row))
        {
            return null;
        }

        var fields = new QueueFields();
        var capacity = fields.Capacity(row.Header(capacityField), row.Value(capacityField), row.Text(capacityField));
        var queueField = First(row, IsoField.QueueDate, IsoField.QueueDate2);
        var queueDate = fields.Date(row.Header(queueField), row.Value(queueField), row.Text(queueField));
        var proposedField = First(row, IsoField.ProposedDate, IsoField.ProposedDate2);
        var proposed = fields.Date(row.Header(proposedField), row.Value(proposedField), row.Text(proposedField));
        var withdrawn = fields.Date(row.Header(IsoField.WithdrawnDate), row.Value(IsoField.WithdrawnDate), row.Text(IsoField.WithdrawnDate));
        var completed = fields.Date(row.Header(IsoField.CompletionDate), row.Value(IsoField.CompletionDate), row.Text(IsoField.CompletionDate));
        if (fields.Reason is { } failed)
        {
            reason = failed;
            return null;
        }

        var (status, raw) = layout.Status(row, sheet);
        var type = layout.GenerationType(row);
        var name = row.Text(IsoField.ProjectName);
        return new QueueProject(
            layout.Region,
            id,
            name,
            layout.FixedState ?? row.Text(IsoField.State),
            row.Text(IsoField.County),
            type,
            GenerationTypes.Classify(type),
            capacity,
            StorageMw(type, capacity),
            null,
            null,
            queueDate,
            proposed,
            status,
            layout.Region,
            layout.FormatName,
            file.FileName,
            new QueueRowLocation(row.Number, sheet))
        {
            StatusRaw = raw,
            WithdrawnDate = withdrawn,
            ActualCompletion = completed,
            ProjectKey = QueueKeys.Of(id, name, row.Has(IsoField.Phase) ? row.Text(IsoField.Phase) : null),
        };
    }

    /// <summary>The first of a field and its fallback that the row fills; the field itself when neither is filled.</summary>
    private static string First(IsoRow row, string field, string fallback) =>
        row.Text(field).Length == 0 && row.Text(fallback).Length > 0 ? fallback : field;

    /// <summary>As for gridstatus files: a storage-only request's capacity is storage, a hybrid's split is unknown.</summary>
    private static double? StorageMw(string type, double capacity)
    {
        var components = GenerationTypes.Components(type);
        var storage = components.Count(GenerationTypes.IsStorage);
        return storage == 0 ? 0 : storage == components.Count ? capacity : null;
    }
}
