using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;

namespace AiEnergyPipeline.Cli;

/// <summary>The line that follows the summary of a run made from sample files: nobody should quote its numbers.</summary>
internal static class SampleWarning
{
    public const string Text =
        "warning: " + RunMode.SampleWarning + " the run used sample files written by AiEnergyPipeline (the bundled snapshot), not EIA, LBNL or Ember data. "
        + "For real numbers: aienergy run --live (needs EIA_API_KEY), or aienergy snapshot record --out DIR, then aienergy run --snapshot DIR.";

    public static void WriteIfSample(RunReport report)
    {
        if (report.Sample)
        {
            Console.WriteLine(Text);
        }
    }
}
