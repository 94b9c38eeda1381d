namespace AiEnergyPipeline.Tabular;

/// <summary>A column a reader looks for: its canonical name and the other names it has had.</summary>
public sealed record ColumnSpec(string Name, bool Required, params string[] Aliases)
{
    public IEnumerable<string> AllNames => [Name, .. Aliases];
}
