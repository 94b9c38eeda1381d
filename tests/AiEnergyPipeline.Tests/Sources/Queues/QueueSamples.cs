using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.TestKit;
using System.Text;

namespace AiEnergyPipeline.Tests.Sources.Queues;

/// <summary>Queue files in the two formats, built in a test's temporary folder.</summary>
internal static class QueueSamples
{
    public const string Source = "queues";
    public const string DataSheetName = "03. Complete Queue Data";

    public static readonly object?[] LbnlHeader =
        ["q_id", "q_status", "q_date", "prop_date", "project_name", "entity", "region", "state", "county_1", "type_clean", "mw1", "mw2", "mw3"];

    /// <summary>Passed for a cell of <see cref="LbnlRow"/> that must be blank (null means "the default value").</summary>
    public static readonly object Blank = new();

    /// <summary>A row under <see cref="LbnlHeader"/>: by default an ERCOT solar request queued 2021-03-15 (Excel serial 44270).</summary>
    public static object?[] LbnlRow(
        object? id = null, object? status = null, object? queueDate = null, object? proposed = null, object? name = null,
        object? entity = null, object? region = null, object? state = null, object? county = null, object? type = null,
        object? mw1 = null, object? mw2 = null, object? mw3 = null)
    {
        object?[] defaults = ["254.0", "active", 44270.0, "11/2027", "Sunny Flats", "ERCOT", "ERCOT", "TX", "Pecos", "Solar", 300.0, "NA", "NA"];
        object?[] given = [id, status, queueDate, proposed, name, entity, region, state, county, type, mw1, mw2, mw3];
        return [.. given.Select((g, i) => g is null ? defaults[i] : ReferenceEquals(g, Blank) ? null : g)];
    }

    /// <summary>The data sheet as LBNL lays it out: a navigation row and a title row above the header.</summary>
    public static Sheet DataSheet(params object?[][] rows) =>
        new(DataSheetName, [["RETURN TO CONTENTS"], ["Complete queue data, through 2025-12-31"], LbnlHeader, .. rows]);

    public static Sheet Introduction { get; } = new("01. Introduction", [["Queued Up: Characteristics of Power Plants Seeking Transmission Interconnection"], ["See sheet 03 for the data."]]);

    public static FetchedFile Workbook(params Sheet[] sheets) => Workbook("queued_up.xlsx", sheets);

    public static FetchedFile Workbook(string fileName, params Sheet[] sheets)
    {
        var path = Path.Combine(Repository.NewTempFolder(), fileName);
        XlsxWriter.Write(path, sheets);
        return Local(path, fileName);
    }

    public static FetchedFile Local(string path, string fileName) => TestFiles.Fetched(Source, fileName) with { LocalPath = path, RawPath = $"raw/queues/{fileName}" };

    public static FetchedFile Text(string fileName, string content)
    {
        var path = Path.Combine(Repository.NewTempFolder(), fileName);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return Local(path, fileName);
    }

    public const string GridstatusHeader =
        "Queue ID,Project Name,Interconnecting Entity,County,State,Interconnection Location,Transmission Owner,Generation Type,Capacity (MW)," +
        "Summer Capacity (MW),Winter Capacity (MW),Queue Date,Status,Proposed Completion Date,Withdrawn Date,Withdrawal Comment,Actual Completion Date";

    /// <summary>A gridstatus row, each field quoted as pandas would (only where needed, here always, which CSV allows).</summary>
    public static string GridstatusRow(
        string id = "AF1-123", string name = "Keystone Solar", string county = "Cumberland", string state = "PA", string type = "Solar",
        string capacity = "120.0", string summer = "", string winter = "", string queueDate = "2019-10-31", string status = "Active",
        string proposed = "04-2026", string comment = "") =>
        string.Join(",", new[] { id, name, "Keystone Solar LLC", county, state, "Cumberland 230 kV", "PPL", type, capacity, summer, winter, queueDate, status, proposed, "", comment, "" }
            .Select(v => "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    public static string Gridstatus(params string[] rows) => GridstatusHeader + "\n" + string.Join("\n", rows) + "\n";
}
