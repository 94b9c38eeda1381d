namespace AiEnergyPipeline.Tables;

/// <summary>
/// An input a published file was computed from, as its resource in datapackage.json names it under
/// <c>sources</c>: a source (every file of it the package lists), or one file of it, by name and sha256
/// (the entry of the package's <c>sources</c> with that sha256).
/// </summary>
public sealed record TableInput(string Name, string? FileName = null, string? Sha256 = null);
