namespace AiEnergyPipeline.Sources;

/// <summary>A row that could not be read, kept with where it was and why.</summary>
public sealed record QuarantineRecord(string Source, string File, string RawPath, long Line, string Reason, string Excerpt);
