using CsvHelper;
using System.Reflection;

namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>
/// The history of the EIA-860M workbooks' columns, as data (eia860m_column_history.csv, embedded):
/// which columns a sheet lacked up to which month, after PUDL's per-month column maps. A column
/// absent in a workbook's month is not required of it, and its stand-in (net summer for nameplate
/// capacity in the operating, planned and retired sheets of 2015-07 to 2016-03) is read in its
/// place; any other missing required column still fails the workbook, naming it. PUDL maps no
/// canceled or postponed sheet (it does not read that sheet), so that sheet has no history here:
/// each of its required columns is required in every month.
/// </summary>
public static class Eia860mColumnHistory
{
    public const string ResourceName = "AiEnergyPipeline.Sources.Eia860m.eia860m_column_history.csv";

    public static IReadOnlyList<ColumnAbsence> Absences { get; } = Load();

    /// <summary>The absence of a column from a sheet in a workbook's month ("yyyy-MM"), or null when the column should be there.</summary>
    public static ColumnAbsence? AbsenceOf(GeneratorSheet sheet, string column, string reportMonth) =>
        Absences.FirstOrDefault(a => a.Sheet == sheet.Name && a.Column == column && string.CompareOrdinal(reportMonth, a.AbsentThrough) <= 0);

    private static List<ColumnAbsence> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from the build.");
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ',' }, leaveOpen: true);
        var rows = new List<ColumnAbsence>();
        while (csv.Read())
        {
            var standIn = csv.GetString(3);
            rows.Add(new ColumnAbsence(csv.GetString(0), csv.GetString(1), csv.GetString(2), standIn.Length == 0 ? null : standIn, csv.GetString(4)));
        }

        return rows;
    }
}
