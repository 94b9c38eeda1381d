namespace AiEnergyPipeline.Gap;

/// <summary>
/// A scenario's published points as a curve over years: the published value in a published year,
/// linear between points, and flat (the nearest point's value) before the first and after the last.
/// </summary>
public sealed class ScenarioCurve
{
    private readonly (int Year, double Gw)[] _points;

    public ScenarioCurve(IEnumerable<ScenarioPoint> points)
    {
        _points = points.Select(p => (p.Year, p.AiLoadGw)).OrderBy(p => p.Year).ToArray();
        if (_points.Length == 0)
        {
            throw new ArgumentException("a scenario needs at least one point.", nameof(points));
        }
    }

    public int FirstYear => _points[0].Year;

    public (double Gw, string Basis) At(int year)
    {
        if (year <= _points[0].Year)
        {
            return (_points[0].Gw, year == _points[0].Year ? ScenarioValueBasis.Published : ScenarioValueBasis.ExtrapolatedFlat);
        }

        if (year >= _points[^1].Year)
        {
            return (_points[^1].Gw, year == _points[^1].Year ? ScenarioValueBasis.Published : ScenarioValueBasis.ExtrapolatedFlat);
        }

        for (var i = 1; i < _points.Length; i++)
        {
            var (toYear, toGw) = _points[i];
            if (year == toYear)
            {
                return (toGw, ScenarioValueBasis.Published);
            }

            if (year < toYear)
            {
                var (fromYear, fromGw) = _points[i - 1];
                return (fromGw + ((toGw - fromGw) * (year - fromYear) / (toYear - fromYear)), ScenarioValueBasis.Interpolated);
            }
        }

        throw new InvalidOperationException("unreachable: the year lies between the first and last points.");
    }
}
