using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Sources.Eia860m;
using System.Diagnostics.CodeAnalysis;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// What a recompute request came to (<see cref="RecomputeEntry"/>): nothing published to recompute,
/// the request's invalid fields (nothing was published), or the outcome of the recompute.
/// </summary>
public sealed class RecomputeResult
{
    private RecomputeResult(bool isNothingPublished, IReadOnlyDictionary<string, string[]> errors, RunOutcome? outcome)
    {
        IsNothingPublished = isNothingPublished;
        Errors = errors;
        Outcome = outcome;
    }

    /// <summary>No run has been published yet: there is nothing to check the request against or to recompute.</summary>
    public static RecomputeResult NothingPublished { get; } = new(true, new Dictionary<string, string[]>(StringComparer.Ordinal), null);

    public bool IsNothingPublished { get; }

    /// <summary>Every invalid field keyed by its JSON path (see <see cref="Recompute.RecomputeParseResult.Errors"/>); empty unless the request was invalid.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>How the recompute ended (published, unchanged or failed) when the request was valid; else null.</summary>
    public RunOutcome? Outcome { get; }

    [MemberNotNullWhen(true, nameof(Outcome))]
    public bool Ran => Outcome is not null;

    public static RecomputeResult Invalid(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("An invalid request has at least one error.", nameof(errors));
        }

        return new(false, errors, null);
    }

    public static RecomputeResult Of(RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(false, new Dictionary<string, string[]>(StringComparer.Ordinal), outcome);
    }
}
