namespace AiEnergyPipeline.Publish;

public sealed record FileReport(string FileName, string RawPath, string Sha256, long Bytes, bool AlreadyArchived);
