using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>Writes one ba_hourly row in the schema's column order.</summary>
public static class BaHourlyRows
{
    public static void Write(TableWriter writer, in BaHourlyRecord record)
    {
        writer.Csv.WriteField(record.BalancingAuthorityCode);
        writer.WriteUtc(record.PeriodEndUtc);
        writer.Csv.WriteField(record.Series.Name());
        writer.Csv.WriteField(record.ValueMw);
        writer.Csv.WriteField(record.Source);
        if (record.Imputed is { } imputed)
        {
            writer.Csv.WriteField(imputed);
        }
        else
        {
            writer.Csv.WriteField("");
        }

        writer.Csv.WriteField(record.Quality is { } quality ? quality.Name() : "");
        writer.EndRow();
    }
}
