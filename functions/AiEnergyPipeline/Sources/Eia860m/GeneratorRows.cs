using AiEnergyPipeline.Tables;
using CsvHelper;
using System.Globalization;

namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>
/// Generator records as rows of the generators schema: written by the vintage partitions (with an
/// empty accreditation class, which the curated table gives at completion) and read back from them.
/// </summary>
public static class GeneratorRows
{
    public static void Write(TableWriter writer, GeneratorRecord r, string accreditation)
    {
        var csv = writer.Csv;
        csv.WriteField(r.ReportMonth);
        csv.WriteField(r.Sheet.Name);
        csv.WriteField(r.PlantId);
        csv.WriteField(r.GeneratorId);
        csv.WriteField(r.PlantName);
        csv.WriteField(r.State);
        csv.WriteField(r.County);
        csv.WriteField(r.BalancingAuthorityCode);
        csv.WriteField(r.Sector);
        csv.WriteField(r.Technology);
        csv.WriteField(accreditation);
        csv.WriteField(r.EnergySourceCode);
        csv.WriteField(r.PrimeMoverCode);
        csv.WriteField(r.Status);
        csv.WriteField(r.NameplateMw);
        csv.WriteField(r.NetSummerMw);
        csv.WriteField(r.NetWinterMw);
        csv.WriteField(r.OperatingMonth);
        csv.WriteField(r.PlannedOperationMonth);
        csv.WriteField(r.PlannedRetirementMonth);
        csv.WriteField(r.RetirementMonth);
        csv.WriteField(r.Latitude);
        csv.WriteField(r.Longitude);
        writer.EndRow();
    }

    /// <summary>Every row of a generators CSV written by <see cref="Write"/>, in order.</summary>
    /// <exception cref="InvalidDataException">A row is not one this class wrote (a cache entry of another version).</exception>
    public static IEnumerable<GeneratorRecord> Read(Stream content)
    {
        using var csv = CsvReader.Create(content, CsvReaderOptions.Default with { Separator = ',' }, leaveOpen: true);
        var row = 1;
        while (csv.Read())
        {
            row++;
            var sheetName = csv.GetString(1);
            var sheet = GeneratorSheet.All.FirstOrDefault(s => s.Name == sheetName)
                ?? throw new InvalidDataException($"row {row}: sheet '{sheetName}' is not one of the generators table.");
            yield return new GeneratorRecord(
                csv.GetString(0), sheet, row, long.Parse(csv.GetString(2), CultureInfo.InvariantCulture), csv.GetString(3),
                csv.GetString(4), csv.GetString(5), csv.GetString(6), csv.GetString(7), csv.GetString(8), csv.GetString(9),
                csv.GetString(11), csv.GetString(12), csv.GetString(13),
                double.Parse(csv.GetString(14), CultureInfo.InvariantCulture), Number(csv.GetString(15)), Number(csv.GetString(16)),
                csv.GetString(17), csv.GetString(18), csv.GetString(19), csv.GetString(20), Number(csv.GetString(21)), Number(csv.GetString(22)));
        }
    }

    private static double? Number(string? text) =>
        string.IsNullOrEmpty(text) ? null : double.Parse(text, CultureInfo.InvariantCulture);
}
