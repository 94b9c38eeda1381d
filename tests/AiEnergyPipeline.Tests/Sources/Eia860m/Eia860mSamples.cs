using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.TestKit;
using static AiEnergyPipeline.Sources.Eia860m.Eia860mWorkbook;

namespace AiEnergyPipeline.Tests.Sources.Eia860m;

/// <summary>
/// EIA-860M workbooks in the real layout, built cell by cell: rows are written by canonical column
/// name, so a test can rename, reorder or drop columns and add title and note rows as EIA does.
/// </summary>
internal static class Eia860mSamples
{
    public const string FileName = "august_generator2026.xlsx";

    public static readonly string[] OperatingHeader =
    [
        "Entity ID", "Entity Name", PlantId, PlantName, State, County, BalancingAuthority, Sector, GeneratorId, "Unit Code",
        Nameplate, NetSummer, NetWinter, Technology, EnergySource, PrimeMover, OperatingMonth, OperatingYear,
        PlannedRetirementMonth, PlannedRetirementYear, Status, "Nameplate Energy Capacity (MWh)", "DC Net Capacity (MW)", Latitude, Longitude,
    ];

    public static readonly string[] PlannedHeader =
    [
        "Entity ID", "Entity Name", PlantId, PlantName, State, County, BalancingAuthority, Sector, GeneratorId, "Unit Code",
        Nameplate, NetSummer, NetWinter, Technology, EnergySource, PrimeMover, PlannedOperationMonth, PlannedOperationYear,
        Status, "Nameplate Energy Capacity (MWh)", "DC Net Capacity (MW)", Latitude, Longitude,
    ];

    public static readonly string[] RetiredHeader =
    [
        "Entity ID", "Entity Name", PlantId, PlantName, State, County, BalancingAuthority, Sector, GeneratorId, "Unit Code",
        Nameplate, NetSummer, NetWinter, Technology, EnergySource, PrimeMover, RetirementMonth, RetirementYear,
        OperatingMonth, OperatingYear, Latitude, Longitude,
    ];

    public static readonly string[] CanceledHeader =
    [
        "Entity ID", "Entity Name", PlantId, PlantName, State, County, BalancingAuthority, Sector, GeneratorId, "Unit Code",
        Nameplate, NetSummer, NetWinter, Technology, EnergySource, PrimeMover, PlannedOperationMonth, PlannedOperationYear,
        Status, Latitude, Longitude,
    ];

    public static readonly object?[][] TwoTitleRows =
    [
        ["U.S. Energy Information Administration"],
        ["Preliminary Monthly Electric Generator Inventory (based on Form EIA-860M as a supplement to Form EIA-860)", null, null, "August 2026"],
    ];

    public static readonly object?[][] Notes =
    [
        ["NOTES:"],
        ["Data for the most recent months are preliminary."],
        ["Source: U.S. Energy Information Administration, Form EIA-860M."],
    ];

    /// <summary>An operating generator; <paramref name="cells"/> replace or add cells by column name.</summary>
    public static Dictionary<string, object?> Operating(double plantId, object generatorId, params (string Column, object? Value)[] cells) =>
        With(new()
        {
            ["Entity ID"] = 9001.0, ["Entity Name"] = "Test Power LLC", [PlantId] = plantId, [PlantName] = "Test Plant", [State] = "TX",
            [County] = "Ector", [BalancingAuthority] = "ERCO", [Sector] = "IPP Non-CHP", [GeneratorId] = generatorId,
            [Nameplate] = 100.5, [NetSummer] = 95.0, [NetWinter] = 98.0, [Technology] = "Natural Gas Fired Combustion Turbine",
            [EnergySource] = "NG", [PrimeMover] = "GT", [OperatingMonth] = 6.0, [OperatingYear] = 2012.0, [Status] = "(OP) Operating",
            [Latitude] = 31.87, [Longitude] = -102.43,
        }, cells);

    public static Dictionary<string, object?> Planned(double plantId, object generatorId, params (string Column, object? Value)[] cells) =>
        With(new()
        {
            [PlantId] = plantId, [PlantName] = "New Solar", [State] = "AZ", [BalancingAuthority] = "AZPS", [GeneratorId] = generatorId,
            [Nameplate] = 200.0, [NetSummer] = 200.0, [NetWinter] = 200.0, [Technology] = "Solar Photovoltaic", [EnergySource] = "SUN",
            [PrimeMover] = "PV", [PlannedOperationMonth] = 11.0, [PlannedOperationYear] = 2027.0,
            [Status] = "(U) Under construction, less than or equal to 50 percent complete",
        }, cells);

    public static Dictionary<string, object?> Retired(double plantId, object generatorId, params (string Column, object? Value)[] cells) =>
        With(new()
        {
            [PlantId] = plantId, [PlantName] = "Old Coal", [State] = "KY", [GeneratorId] = generatorId, [Nameplate] = 250.0,
            [Technology] = "Conventional Steam Coal", [EnergySource] = "BIT", [PrimeMover] = "ST", [RetirementMonth] = 5.0,
            [RetirementYear] = 2025.0, [OperatingMonth] = 1.0, [OperatingYear] = 1959.0,
        }, cells);

    public static Dictionary<string, object?> Canceled(double plantId, object generatorId, params (string Column, object? Value)[] cells) =>
        With(new()
        {
            [PlantId] = plantId, [PlantName] = "Never Built Wind", [State] = "IA", [GeneratorId] = generatorId, [Nameplate] = 150.0,
            [Technology] = "Onshore Wind Turbine", [EnergySource] = "WND", [PrimeMover] = "WT", [PlannedOperationMonth] = 12.0,
            [PlannedOperationYear] = 2026.0,
        }, cells);

    /// <summary>
    /// A sheet: title rows, the header (with <paramref name="renames"/> applied, in <paramref name="header"/>'s order),
    /// the rows under it by column name, then note rows.
    /// </summary>
    public static Sheet SheetOf(
        string name,
        string[] header,
        IEnumerable<Dictionary<string, object?>> rows,
        object?[][]? above = null,
        object?[][]? below = null,
        IReadOnlyDictionary<string, string>? renames = null)
    {
        var lines = new List<object?[]>(above ?? TwoTitleRows)
        {
            header.Select(h => (object?)(renames is not null && renames.TryGetValue(h, out var renamed) ? renamed : h)).ToArray(),
        };
        lines.AddRange(rows.Select(row => header.Select(h => row.GetValueOrDefault(h)).ToArray()));
        lines.AddRange(below ?? Notes);
        return new Sheet(name, lines);
    }

    /// <summary>The four sheets, each with the given rows (none by default), and a Puerto Rico sheet.</summary>
    public static Sheet[] Workbook(
        IEnumerable<Dictionary<string, object?>>? operating = null,
        IEnumerable<Dictionary<string, object?>>? planned = null,
        IEnumerable<Dictionary<string, object?>>? retired = null,
        IEnumerable<Dictionary<string, object?>>? canceled = null) =>
    [
        SheetOf("Operating", OperatingHeader, operating ?? []),
        SheetOf("Planned", PlannedHeader, planned ?? []),
        SheetOf("Retired", RetiredHeader, retired ?? [], above: [["Retired Generators as of August 2026"]]),
        SheetOf("Canceled or Postponed", CanceledHeader, canceled ?? [], above: [["Canceled or Postponed Generators as of August 2026"]]),
        new Sheet("Puerto Rico", [["Puerto Rico"], [PlantId, GeneratorId, Nameplate, Technology, State], [99501.0, "1", 40.0, "Solar Photovoltaic", "PR"]]),
    ];

    public static string Write(params Sheet[] sheets) => WriteAs(FileName, sheets);

    public static string WriteAs(string fileName, params Sheet[] sheets)
    {
        var path = Path.Combine(Repository.NewTempFolder(), fileName);
        XlsxWriter.Write(path, sheets);
        return path;
    }

    public static FetchedFile Fetched(string path) =>
        TestFiles.Fetched(Eia860mSource.SourceName, Path.GetFileName(path)) with { LocalPath = path, RawPath = "raw/eia860m/abc.xlsx" };

    /// <summary>Reads a workbook as the normaliser does.</summary>
    public static (List<GeneratorRecord> Records, List<QuarantineRecord> Quarantined, Eia860mReadCounts Counts) Read(string path)
    {
        var quarantined = new List<QuarantineRecord>();
        var counts = new Eia860mReadCounts();
        var records = Eia860mWorkbook.Read(Fetched(path), quarantined.Add, counts).ToList();
        return (records, quarantined, counts);
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> row, (string Column, object? Value)[] cells)
    {
        foreach (var (column, value) in cells)
        {
            row[column] = value;
        }

        return row;
    }
}
