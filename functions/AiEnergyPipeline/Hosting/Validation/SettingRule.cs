namespace AiEnergyPipeline.Hosting.Validation;

/// <summary>One setting a rule set checks: its key as operators set it (list entries as <c>__{i}__</c>) and what it allows.</summary>
public sealed record SettingRule(string Key, string Allowed);
