namespace AiEnergyPipeline.Sources.Queues;

/// <summary>One interconnection request as queue_projects publishes it, with where it was read.</summary>
public sealed record QueueProject(
    string Region,
    string QueueId,
    string ProjectName,
    string State,
    string County,
    string GenerationType,
    string AccreditationClass,
    double CapacityMw,
    double? StorageMw,
    double? Component2Mw,
    double? Component3Mw,
    QueueDate? QueueDate,
    QueueDate? ProposedCompletion,
    string Status,
    string MarketRegion,
    string SourceFormat,
    string SourceFile,
    QueueRowLocation Location)
{
    /// <summary>The source's own words for the status; empty where the source has no status column (ERCOT) and none was composed.</summary>
    public string StatusRaw { get; init; } = "";

    public QueueDate? WithdrawnDate { get; init; }

    /// <summary>
    /// The accreditation class of the technology <see cref="Component2Mw"/> measures: empty when
    /// that capacity is null; unknown where the source names no technology for it.
    /// </summary>
    public string Component2Class { get; init; } = "";

    /// <summary>The accreditation class of the technology <see cref="Component3Mw"/> measures, as <see cref="Component2Class"/>.</summary>
    public string Component3Class { get; init; } = "";

    /// <summary>When the project reached service, where the source gives it.</summary>
    public QueueDate? ActualCompletion { get; init; }

    /// <summary>Distinguishes phases that share a queue number (ISO-NE "533 Phase I" and "Phase II"); the table's key with the region.</summary>
    public string ProjectKey { get; init; } = QueueKeys.Of(QueueId, ProjectName, null);
}
