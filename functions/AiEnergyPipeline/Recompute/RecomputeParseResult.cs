using System.Diagnostics.CodeAnalysis;

namespace AiEnergyPipeline.Recompute;

/// <summary>
/// The outcome of parsing a recompute body: either the valid request, or every invalid field
/// keyed by its JSON path (<c>assumptions.reserve_margin</c>, <c>scenarios[0].points[1].year</c>,
/// <c>base_year</c>, <c>body</c> for the body as a whole), in the shape of
/// <c>ValidationProblemDetails.Errors</c>.
/// </summary>
public sealed class RecomputeParseResult
{
    private RecomputeParseResult(RecomputeRequest? request, IReadOnlyDictionary<string, string[]> errors)
    {
        Request = request;
        Errors = errors;
    }

    /// <summary>The request when the body was valid, else null.</summary>
    public RecomputeRequest? Request { get; }

    /// <summary>Empty when the body was valid; else at least one entry, each with at least one message.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    [MemberNotNullWhen(true, nameof(Request))]
    public bool IsValid => Request is not null;

    public static RecomputeParseResult Valid(RecomputeRequest request) =>
        new(request, new Dictionary<string, string[]>(StringComparer.Ordinal));

    public static RecomputeParseResult Invalid(IReadOnlyDictionary<string, string[]> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("An invalid result needs at least one error.", nameof(errors));
        }

        return new(null, errors);
    }
}
