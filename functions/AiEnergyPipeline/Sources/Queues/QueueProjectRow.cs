using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>Writes a project as a queue_projects row, in the schema's column order.</summary>
public static class QueueProjectRow
{
    public static void Write(TableWriter writer, QueueProject p)
    {
        var csv = writer.Csv;
        csv.WriteField(p.Region);
        csv.WriteField(p.QueueId);
        csv.WriteField(p.ProjectName);
        csv.WriteField(p.State);
        csv.WriteField(p.County);
        csv.WriteField(p.GenerationType);
        csv.WriteField(p.AccreditationClass);
        csv.WriteField(p.CapacityMw);
        WriteOptional(writer, p.StorageMw);
        WriteOptional(writer, p.Component2Mw);
        WriteOptional(writer, p.Component3Mw);
        csv.WriteField(p.QueueDate?.Iso ?? "");
        csv.WriteField(p.ProposedCompletion?.Iso ?? "");
        csv.WriteField(p.ProposedCompletion?.PrecisionName ?? "");
        csv.WriteField(p.Status);
        csv.WriteField(p.MarketRegion);
        csv.WriteField(p.SourceFormat);
        csv.WriteField(p.SourceFile);
        csv.WriteField(p.StatusRaw);
        csv.WriteField(p.WithdrawnDate?.Iso ?? "");
        csv.WriteField(p.ActualCompletion?.Iso ?? "");
        csv.WriteField(p.ProjectKey);
        csv.WriteField(p.Component2Class);
        csv.WriteField(p.Component3Class);
        writer.EndRow();
    }

    private static void WriteOptional(TableWriter writer, double? value)
    {
        if (value is { } v)
        {
            writer.Csv.WriteField(v);
        }
        else
        {
            writer.Csv.WriteField("");
        }
    }
}
