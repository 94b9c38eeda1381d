using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Sources.Queues;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>Section <c>Gap:CompletionWeights</c>: how many cohorts a measured completion weight pools, and how much planned capacity it needs.</summary>
public sealed class CompletionLearningSettingsRules : SettingRules<CompletionLearningOptions>
{
    public CompletionLearningSettingsRules()
        : base(CompletionLearningOptions.Section)
    {
        // EIA-860M begins in 2015: twenty cohorts reach past any history there is.
        Integer(nameof(CompletionLearningOptions.Cohorts), o => o.Cohorts, 1, 20);
        Rule(nameof(CompletionLearningOptions.MinimumCohortMw), "a number of MW from 0 to 1000000", o => o.MinimumCohortMw is >= 0 and <= 1e6 ? null : o.MinimumCohortMw.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
