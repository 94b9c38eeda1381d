using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Sources;

/// <summary>Rows of one source: read, written to tables, set aside as superseded by a better source.</summary>
public sealed class SourceCounts
{
    public long RowsIn { get; set; }
    public long RowsOut { get; set; }
    public long RowsSuperseded { get; set; }

    /// <summary>What the report says of the source beyond its counts: a file that failed while the others were read, values kept but not understood.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Files the normaliser could not read and went without (an ISO's file in a layout it does not know): the source is then partial.</summary>
    public List<FileFailure> Failures { get; } = [];
}
