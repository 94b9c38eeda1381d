namespace AiEnergyPipeline.Vocabulary;

/// <summary>The words every output made from sample files starts its warning with, in every layer that writes one.</summary>
public static class SampleLabel
{
    public const string Warning = "SAMPLE DATA, NOT REAL:";
}
