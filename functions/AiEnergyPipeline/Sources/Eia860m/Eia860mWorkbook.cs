using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using ExcelDataReader.Exceptions;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>
/// Reads an EIA-860M workbook (such as august_generator2026.xlsx) row by row into generator
/// records. The layout drifts: one or two title rows above the header, notes below the data,
/// columns renamed and reordered over the years. So the header row is found by its cells, columns
/// by normalised name with the aliases EIA has used, and a missing sheet or required column fails
/// the file with its name; a row that cannot be read is quarantined with its sheet and row.
/// </summary>
public static partial class Eia860mWorkbook
{
    public const string PlantId = "Plant ID";
    public const string GeneratorId = "Generator ID";
    public const string Nameplate = "Nameplate Capacity (MW)";
    public const string Technology = "Technology";
    public const string State = "Plant State";
    public const string Status = "Status";
    public const string PlantName = "Plant Name";
    public const string County = "County";
    public const string BalancingAuthority = "Balancing Authority Code";
    public const string Sector = "Sector";
    public const string EnergySource = "Energy Source Code";
    public const string PrimeMover = "Prime Mover Code";
    public const string NetSummer = "Net Summer Capacity (MW)";
    public const string NetWinter = "Net Winter Capacity (MW)";
    public const string OperatingMonth = "Operating Month";
    public const string OperatingYear = "Operating Year";
    public const string PlannedOperationMonth = "Planned Operation Month";
    public const string PlannedOperationYear = "Planned Operation Year";
    public const string PlannedRetirementMonth = "Planned Retirement Month";
    public const string PlannedRetirementYear = "Planned Retirement Year";
    public const string RetirementMonth = "Retirement Month";
    public const string RetirementYear = "Retirement Year";
    public const string Latitude = "Latitude";
    public const string Longitude = "Longitude";

    /// <summary>Every column read, with the names EIA has given it; which are required depends on the sheet.</summary>
    private static readonly (string Name, string[] Aliases)[] Columns =
    [
        (PlantId, ["Plant Code", "Plant ID EIA", "EIA Plant ID"]),
        (GeneratorId, ["Generator Code", "Gen ID", "Generator"]),
        (Nameplate, ["Nameplate Capacity", "Nameplate MW", "Nameplate Capacity (Megawatts)"]),
        (Technology, ["Technology Description"]),
        (State, ["State", "Plant State Code"]),
        (Status, ["Status Code", "Generator Status", "Operational Status"]),
        (PlantName, ["Plant"]),
        (County, ["Plant County"]),
        (BalancingAuthority, ["BA Code", "Balancing Authority"]),
        (Sector, ["Sector Name"]),
        (EnergySource, ["Energy Source Code 1", "Energy Source 1", "Energy Source"]),
        (PrimeMover, ["Prime Mover"]),
        (NetSummer, ["Net Summer Capacity", "Summer Capacity (MW)", "Net Summer Capacity MW"]),
        (NetWinter, ["Net Winter Capacity", "Winter Capacity (MW)", "Net Winter Capacity MW"]),
        (OperatingMonth, ["Operating Month (MM)"]),
        (OperatingYear, ["Operating Year (YYYY)"]),
        (PlannedOperationMonth, ["Planned Month", "Planned Operating Month", "Planned Operation Month (MM)"]),
        (PlannedOperationYear, ["Planned Year", "Planned Operating Year", "Planned Operation Year (YYYY)"]),
        (PlannedRetirementMonth, ["Planned Retirement Month (MM)"]),
        (PlannedRetirementYear, ["Planned Retirement Year (YYYY)"]),
        (RetirementMonth, ["Retired Month", "Retirement Month (MM)"]),
        (RetirementYear, ["Retired Year", "Retirement Year (YYYY)"]),
        (Latitude, ["Lat"]),
        (Longitude, ["Long", "Lon"]),
    ];

    private static readonly string[] AlwaysRequired = [PlantId, GeneratorId, Nameplate, Technology, State];

    /// <summary>
    /// The columns of a sheet: always the key, capacity, technology and state; the sheet's own dates
    /// and status where they define it. A column the sheet lacked in <paramref name="reportMonth"/>
    /// (<see cref="Eia860mColumnHistory"/>) is not required; its stand-in is.
    /// </summary>
    public static IReadOnlyList<ColumnSpec> SpecsFor(GeneratorSheet sheet, string reportMonth = "")
    {
        string[] own = sheet.Name switch
        {
            "operating" => [Status],
            "planned" => [Status, PlannedOperationMonth, PlannedOperationYear],
            "retired" => [RetirementMonth, RetirementYear],
            _ => [],
        };
        var absent = Columns.Select(c => Eia860mColumnHistory.AbsenceOf(sheet, c.Name, reportMonth)).OfType<ColumnAbsence>().ToList();
        bool Required(string name) =>
            absent.All(a => a.Column != name) && (AlwaysRequired.Contains(name) || own.Contains(name) || absent.Any(a => a.StandIn == name));
        return Columns.Select(c => new ColumnSpec(c.Name, Required(c.Name), c.Aliases)).ToList();
    }

    /// <summary>Every readable generator row of the four sheets, in sheet and row order; other rows go to <paramref name="quarantine"/>.</summary>
    /// <param name="limits">What the workbook may hold (defaults when null): past a limit the file fails, in bounded time and memory.</param>
    /// <exception cref="SourceException">The file is not a workbook, has no month in its name, lacks a sheet or a required column, or goes past a limit.</exception>
    public static IEnumerable<GeneratorRecord> Read(FetchedFile file, Action<QuarantineRecord> quarantine, Eia860mReadCounts counts, SourceLimitsOptions? limits = null)
    {
        limits ??= new SourceLimitsOptions();
        var sheets = ResolveSheets(file, limits);
        var reportMonth = ReportMonth(file);
        var seen = new Dictionary<(long PlantId, string GeneratorId), (string Sheet, int Row)>();
        foreach (var (sheet, name) in sheets)
        {
            using var rows = Workbook.ReadSheet(file.LocalPath, name, limits).GetEnumerator();
            var map = FindHeader(file, sheet, name, rows, reportMonth);
            while (Next(file, name, rows))
            {
                var row = rows.Current;
                var (record, problem) = ParseRow(row, map, sheet, reportMonth);
                if (record is null && problem is null)
                {
                    counts.NoteRows++;
                    continue;
                }

                counts.DataRows++;
                if (record is not null && seen.TryGetValue((record.PlantId, record.GeneratorId), out var first))
                {
                    problem = $"duplicate of sheet '{first.Sheet}' row {first.Row}: plant {record.PlantId} generator '{record.GeneratorId}'";
                    record = null;
                }

                if (record is null)
                {
                    quarantine(new QuarantineRecord(file.Source, file.FileName, file.RawPath, row.Number, $"sheet '{name}' row {row.Number}: {problem}", Excerpt(row)));
                    continue;
                }

                seen[(record.PlantId, record.GeneratorId)] = (name, row.Number);
                yield return record;
            }
        }
    }

    /// <summary>The month a workbook reports, from its name: august_generator2026.xlsx is 2026-08.</summary>
    public static string ReportMonth(FetchedFile file)
    {
        var match = MonthInName().Match(file.FileName);
        var month = match.Success
            ? Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames, m => m.Length > 0 && string.Equals(m, match.Groups["month"].Value, StringComparison.OrdinalIgnoreCase)) + 1
            : 0;
        return month > 0
            ? $"{match.Groups["year"].Value}-{month:00}"
            : throw new SourceException(file.Source, file.FileName, "the workbook's month cannot be told from its name; expected a name such as august_generator2026.xlsx.");
    }

    private static List<(GeneratorSheet Sheet, string Name)> ResolveSheets(FetchedFile file, SourceLimitsOptions limits)
    {
        if (!File.Exists(file.LocalPath) || !Workbook.IsXlsxFile(file.LocalPath))
        {
            throw new SourceException(file.Source, file.FileName, "the file is not an .xlsx workbook (no ZIP signature); the server may have answered with an HTML page.");
        }

        IReadOnlyList<string> names;
        try
        {
            WorkbookGuard.Check(file.LocalPath, limits);
            names = Workbook.SheetNames(file.LocalPath);
        }
        catch (LimitExceededException e)
        {
            throw new SourceException(file.Source, file.FileName, e.Message, e);
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw new SourceException(file.Source, file.FileName, $"the workbook cannot be read: {e.Message}", e);
        }

        var resolved = new List<(GeneratorSheet, string)>();
        foreach (var sheet in GeneratorSheet.All)
        {
            var wanted = new[] { sheet.WorkbookName }.Concat(sheet.WorkbookAliases).Select(ColumnMap.Normalise).ToHashSet();
            var name = names.FirstOrDefault(n => wanted.Contains(ColumnMap.Normalise(n)))
                ?? throw new SourceException(file.Source, file.FileName, $"sheet '{sheet.WorkbookName}' is missing (the workbook has {string.Join(", ", names.Select(n => $"'{n}'"))}).");
            resolved.Add((sheet, name));
        }

        return resolved;
    }

    private static ColumnMap FindHeader(FetchedFile file, GeneratorSheet sheet, string name, IEnumerator<SheetRow> rows, string reportMonth)
    {
        try
        {
            var (map, _, missing) = Workbook.FindHeader(rows, SpecsFor(sheet, reportMonth));
            return map ?? throw new SourceException(file.Source, file.FileName, $"sheet '{name}': {ColumnMap.MissingMessage(missing)}");
        }
        catch (LimitExceededException e)
        {
            throw new SourceException(file.Source, file.FileName, e.Message, e);
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw new SourceException(file.Source, file.FileName, $"sheet '{name}' cannot be read: {e.Message}", e);
        }
    }

    private static bool Next(FetchedFile file, string name, IEnumerator<SheetRow> rows)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (LimitExceededException e)
        {
            throw new SourceException(file.Source, file.FileName, e.Message, e);
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw new SourceException(file.Source, file.FileName, $"sheet '{name}' cannot be read: {e.Message}", e);
        }
    }

    private static bool IsReadFailure(Exception e) => e is InvalidDataException or IOException or XmlException or ExcelReaderException or FormatException;

    /// <summary>A generator, or the reason the row cannot be read, or neither: a note row.</summary>
    private static (GeneratorRecord? Record, string? Problem) ParseRow(SheetRow row, ColumnMap map, GeneratorSheet sheet, string reportMonth)
    {
        var plantText = row.Text(map[PlantId]);
        var generatorId = row.Text(map[GeneratorId]);
        // The operating, planned and retired sheets of 2015-07 to 2016-03 have no nameplate column: their net summer capacity stands in (Eia860mColumnHistory).
        var nameplateText = row.Text(map.Has(Nameplate) ? map[Nameplate] : map[NetSummer]);
        var technology = Clean(row.Text(map[Technology]));
        if (!TryInteger(plantText, out var plantId))
        {
            // Notes below the data sit in the first column; a row with none of the key cells is one.
            return generatorId.Length == 0 && nameplateText.Length == 0 && technology.Length == 0
                ? (null, null)
                : (null, plantText.Length == 0 ? $"'{PlantId}' is empty" : $"'{PlantId}' value '{Truncate(plantText)}' is not a plant code");
        }

        if (generatorId.Length == 0)
        {
            return (null, $"'{GeneratorId}' is empty");
        }

        string? problem = null;
        var nameplate = Number(nameplateText, Nameplate, required: true, min: 0, max: 1e5, ref problem);
        var netSummer = Number(row.Text(map[NetSummer]), NetSummer, required: false, min: -1e5, max: 1e5, ref problem);
        var netWinter = Number(row.Text(map[NetWinter]), NetWinter, required: false, min: -1e5, max: 1e5, ref problem);
        var latitude = Number(row.Text(map[Latitude]), Latitude, required: false, min: -90, max: 90, ref problem);
        var longitude = Number(row.Text(map[Longitude]), Longitude, required: false, min: -180, max: 180, ref problem);
        var state = Clean(row.Text(map[State]));
        if (state.Length == 0)
        {
            problem ??= $"'{State}' is empty";
        }

        var statusText = row.Text(map[Status]);
        var status = statusText.Length == 0 ? sheet.DefaultStatus : Eia860mStatus.CodeOf(statusText);
        if (status is null)
        {
            problem ??= statusText.Length == 0 ? $"'{Status}' is empty" : $"'{Status}' value '{Truncate(statusText)}' is not an EIA status code";
        }

        var operating = Month(row, map, OperatingMonth, OperatingYear, required: false, ref problem);
        var plannedOperation = Month(row, map, PlannedOperationMonth, PlannedOperationYear, required: sheet == GeneratorSheet.Planned, ref problem);
        var plannedRetirement = Month(row, map, PlannedRetirementMonth, PlannedRetirementYear, required: false, ref problem);
        var retirement = Month(row, map, RetirementMonth, RetirementYear, required: sheet == GeneratorSheet.Retired, ref problem);
        if (problem is not null)
        {
            return (null, problem);
        }

        return (new GeneratorRecord(
            reportMonth, sheet, row.Number, plantId, generatorId,
            Clean(row.Text(map[PlantName])), state.ToUpperInvariant(), Clean(row.Text(map[County])),
            Clean(row.Text(map[BalancingAuthority])), Clean(row.Text(map[Sector])), technology,
            Clean(row.Text(map[EnergySource])), Clean(row.Text(map[PrimeMover])), status!,
            nameplate!.Value, netSummer, netWinter,
            operating, plannedOperation, plannedRetirement, retirement, latitude, longitude), null);
    }

    private static bool TryInteger(string text, out long value)
    {
        value = 0;
        if (!double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number)
            || number != Math.Floor(number) || number is < 1 or > 1e12)
        {
            return false;
        }

        value = (long)number;
        return true;
    }

    private static double? Number(string text, string column, bool required, double min, double max, ref string? problem)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                problem ??= $"'{column}' is empty";
            }

            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            problem ??= $"'{column}' value '{Truncate(text)}' is not a number";
            return null;
        }

        if (value < min || value > max)
        {
            problem ??= $"'{column}' value {value.ToString(CultureInfo.InvariantCulture)} is outside {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
            return null;
        }

        return value;
    }

    /// <summary>A month and a year column as "yyyy-MM"; both empty is no date.</summary>
    private static string Month(SheetRow row, ColumnMap map, string monthColumn, string yearColumn, bool required, ref string? problem)
    {
        var monthText = row.Text(map[monthColumn]);
        var yearText = row.Text(map[yearColumn]);
        if (monthText.Length == 0 && yearText.Length == 0)
        {
            if (required)
            {
                problem ??= $"'{monthColumn}' and '{yearColumn}' are empty";
            }

            return "";
        }

        if (!TryInteger(yearText, out var year) || year is < 1800 or > 2200)
        {
            problem ??= yearText.Length == 0 ? $"'{yearColumn}' is empty while '{monthColumn}' is {Truncate(monthText)}" : $"'{yearColumn}' value '{Truncate(yearText)}' is not a year";
            return "";
        }

        if (!TryInteger(monthText, out var month) || month > 12)
        {
            problem ??= monthText.Length == 0 ? $"'{monthColumn}' is empty while '{yearColumn}' is {year}" : $"'{monthColumn}' value '{Truncate(monthText)}' is not a month (1-12)";
            return "";
        }

        return $"{year:0000}-{month:00}";
    }

    /// <summary>Text with runs of whitespace (line breaks inside names included) folded to one space.</summary>
    private static string Clean(string text) =>
        text.Length == 0 ? text : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Excerpt(SheetRow row) =>
        Truncate(string.Join(",", Enumerable.Range(0, Math.Min(row.Values.Count, 16)).Select(row.Text)));

    private static string Truncate(string text) => text.Length > 200 ? text[..200] : text;

    [GeneratedRegex(@"(?<month>[A-Za-z]+)_generator(?<year>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex MonthInName();
}
