namespace AiEnergyPipeline.Recompute;

/// <summary>
/// Collects error messages by JSON path. The number of fields is capped: a 1 MiB body could name
/// tens of thousands of unknown members, and a problem-details answer listing them all would be
/// larger than the body. Past the cap one more entry under <c>body</c> says how many were left out.
/// </summary>
internal sealed class ValidationErrors
{
    /// <summary>Most fields listed in one answer.</summary>
    public const int MaxFields = 100;

    /// <summary>Longest member name shown in a path; longer names are cut, with an ellipsis.</summary>
    private const int MaxNameInPath = 64;

    public const string Body = "body";

    private readonly Dictionary<string, List<string>> _byPath = new(StringComparer.Ordinal);
    private int _leftOut;

    public bool Any => _byPath.Count > 0 || _leftOut > 0;

    public void Add(string path, string message)
    {
        if (_byPath.TryGetValue(path, out var messages))
        {
            if (!messages.Contains(message, StringComparer.Ordinal))
            {
                messages.Add(message);
            }
        }
        else if (_byPath.Count < MaxFields)
        {
            _byPath.Add(path, [message]);
        }
        else
        {
            _leftOut++;
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary()
    {
        var result = _byPath.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        if (_leftOut > 0)
        {
            var note = $"{_leftOut} more invalid field(s) not listed; only the first {MaxFields} are";
            result[Body] = result.TryGetValue(Body, out var existing) ? [.. existing, note] : [note];
        }

        return result;
    }

    /// <summary>
    /// <c>parent.name</c>, or <c>parent["name"]</c> when the name has characters other than
    /// letters, digits, <c>_</c> and <c>.</c> (assumption names contain dots and are shown as the
    /// issue does: <c>assumptions.accreditation_factor.solar_pv</c>).
    /// </summary>
    public static string Member(string parent, string name)
    {
        var shown = name.Length > MaxNameInPath ? name[..MaxNameInPath] + "…" : name;
        var plain = shown.Length > 0 && shown.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.');
        var member = plain ? shown : "[\"" + SafeText.Escape(shown, quoteSyntax: true) + "\"]";
        return parent.Length == 0 ? member : plain ? parent + "." + member : parent + member;
    }

    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
