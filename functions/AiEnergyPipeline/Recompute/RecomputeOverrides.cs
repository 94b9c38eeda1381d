using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Recompute;

/// <summary>
/// Applies a recompute request to the gap model's inputs, as a pure function: overridden
/// assumptions replace the published values by name, requested scenarios replace published ones
/// (in place, keeping the published citation unless a source is given) or are added after them in
/// request order, and requested years replace base_year and horizon_year. Overridden load factors
/// and consumption convert the curated energy and share figures to capacity again.
/// </summary>
public static class RecomputeOverrides
{
    /// <exception cref="GapException">The settings that result cannot be computed with.</exception>
    public static (GapInputs Inputs, GapSettings Settings) Apply(GapInputs inputs, RecomputeRequest request)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(request);
        var assumptions = Assumptions(inputs.Assumptions, request);
        var changed = With(inputs, assumptions, Scenarios(inputs.Scenarios, request.Scenarios)) with { Notes = [.. inputs.Notes, .. OverrideNotes(inputs.Assumptions, assumptions)] };
        return (changed, GapSettings.FromAssumptions(assumptions));
    }

    /// <summary>Whether the request changes what energy and share scenarios convert to: a load factor or a year's consumption.</summary>
    public static bool ChangesDemandConversion(RecomputeRequest request) =>
        request.Assumptions.Keys.Any(n => n.StartsWith(AssumptionNames.LoadFactorPrefix, StringComparison.Ordinal) || n.StartsWith(AssumptionNames.ConsumptionPrefix, StringComparison.Ordinal));

    /// <summary>
    /// The published scenarios converted again from the curated demand_scenarios.csv the run
    /// fetched, with <paramref name="assumptions"/> (the published ones with the request's
    /// overrides): the same rows, in the same order, as the ingest wrote them.
    /// </summary>
    public static IReadOnlyList<ScenarioPoint> ConvertScenarios(Stream curatedCsv, FetchedFile file, IReadOnlyDictionary<string, double> assumptions)
    {
        // Conversion reads assumptions by name and value only.
        var set = new AssumptionSet(assumptions.Select(a => new Assumption(a.Key, a.Value, "", "", "", "", 0)));
        return [.. DemandScenariosCsv.Read(curatedCsv, file, set, _ => { }, new SourceCounts()).Select(s => new ScenarioPoint(s.ScenarioId, s.Year, s.AiLoadGw, s.Source, s.Notes))];
    }

    /// <summary>The published assumptions with the request's values and years in place.</summary>
    public static Dictionary<string, double> Assumptions(IReadOnlyDictionary<string, double> published, RecomputeRequest request)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(request);
        var assumptions = new Dictionary<string, double>(published, StringComparer.Ordinal);
        foreach (var (name, value) in request.Assumptions)
        {
            assumptions[name] = value;
        }

        if (request.BaseYear is { } baseYear)
        {
            assumptions[AssumptionNames.BaseYear] = baseYear;
        }

        if (request.HorizonYear is { } horizonYear)
        {
            assumptions[AssumptionNames.HorizonYear] = horizonYear;
        }

        return assumptions;
    }

    /// <summary>One note for each assumption the request changed: the operator's value, and the run's.</summary>
    private static IEnumerable<string> OverrideNotes(IReadOnlyDictionary<string, double> published, IReadOnlyDictionary<string, double> applied) =>
        applied.Where(a => !published.TryGetValue(a.Key, out var was) || was != a.Value)
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{a.Key} set by a recompute's request to {a.Value:R}{(published.TryGetValue(a.Key, out var was) ? $" (the run's assumptions table: {was:R})" : "")}: the operator's value, not the published one"));

    private static GapInputs With(GapInputs inputs, Dictionary<string, double> assumptions, IReadOnlyList<ScenarioPoint> scenarios) =>
        inputs with { Assumptions = assumptions, Scenarios = scenarios };

    private static List<ScenarioPoint> Scenarios(IReadOnlyList<ScenarioPoint> published, IReadOnlyList<ScenarioOverride> overrides)
    {
        var byId = overrides.ToDictionary(o => o.ScenarioId, StringComparer.Ordinal);
        var result = new List<ScenarioPoint>();
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var point in published)
        {
            if (!byId.TryGetValue(point.ScenarioId, out var replacement))
            {
                result.Add(point);
            }
            else if (replaced.Add(point.ScenarioId))
            {
                // The replacement takes the place of the published scenario's first point.
                // What the publisher's scenario counts (all data centres, or AI alone) stays what the figures are of.
                var scope = published.Any(p => p.ScenarioId == point.ScenarioId && p.Notes.Contains(ScenarioPoint.AllDataCentresMarker, StringComparison.Ordinal))
                    ? $" {ScenarioPoint.AllDataCentresMarker}."
                    : "";
                result.AddRange(Points(replacement, replacement.Source ?? point.Source, $"{ScenarioPoint.OverrideMarker}: set by a recompute's request in place of the published points.{scope}"));
            }
        }

        foreach (var added in overrides.Where(o => !replaced.Contains(o.ScenarioId)))
        {
            result.AddRange(Points(added, added.Source ?? added.ScenarioId, $"{ScenarioPoint.OverrideMarker}: a scenario a recompute's request added."));
        }

        return result;
    }

    private static IEnumerable<ScenarioPoint> Points(ScenarioOverride scenario, string source, string notes) =>
        scenario.Points.Select(p => new ScenarioPoint(scenario.ScenarioId, p.Year, p.AiLoadGw, source, notes));
}
