using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>One sheet of an ISO file: its name and its rows, read when asked (a CSV file is one sheet).</summary>
public sealed record IsoSheet(string Name, Func<IEnumerable<SheetRow>> Rows);
