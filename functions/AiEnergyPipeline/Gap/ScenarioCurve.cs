namespace AiEnergyPipeline.Gap;

/// <summary>
/// A scenario's points as a curve over years: the point's value in a point's year (published,
/// assumption where the notes say the point is this project's, override where a recompute's request
/// set it), linear between points, and flat
/// (the nearest point's value) before the first and after the last.
/// </summary>
public sealed class ScenarioCurve
{
    private readonly (int Year, double Gw, string Basis)[] _points;

    public ScenarioCurve(IEnumerable<ScenarioPoint> points)
    {
        _points = points.Select(p => (p.Year, p.AiLoadGw, p.Basis)).OrderBy(p => p.Year).ToArray();
        if (_points.Length == 0)
        {
            throw new ArgumentException("a scenario needs at least one point.", nameof(points));
        }
    }

    public int FirstYear => _points[0].Year;

    public int LastYear => _points[^1].Year;

    public (double Gw, string Basis) At(int year)
    {
        if (year <= _points[0].Year)
        {
            return (_points[0].Gw, year == _points[0].Year ? _points[0].Basis : ScenarioValueBasis.ExtrapolatedFlat);
        }

        if (year >= _points[^1].Year)
        {
            return (_points[^1].Gw, year == _points[^1].Year ? _points[^1].Basis : ScenarioValueBasis.ExtrapolatedFlat);
        }

        for (var i = 1; i < _points.Length; i++)
        {
            var (toYear, toGw, toBasis) = _points[i];
            if (year == toYear)
            {
                return (toGw, toBasis);
            }

            if (year < toYear)
            {
                var (fromYear, fromGw, _) = _points[i - 1];
                return (fromGw + ((toGw - fromGw) * (year - fromYear) / (toYear - fromYear)), ScenarioValueBasis.Interpolated);
            }
        }

        throw new InvalidOperationException("unreachable: the year lies between the first and last points.");
    }
}
