using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Publish;

public sealed record ResourceSchema(IReadOnlyList<FieldSchema> Fields, IReadOnlyList<string> PrimaryKey);
