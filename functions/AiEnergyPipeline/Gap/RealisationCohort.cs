namespace AiEnergyPipeline.Gap;

/// <summary>One planned_realisation row, as the learner reads it.</summary>
public sealed record RealisationCohort(int CohortYear, string AccreditationClass, string StatusAtStart, double PlannedMw, double OnlineMw);
