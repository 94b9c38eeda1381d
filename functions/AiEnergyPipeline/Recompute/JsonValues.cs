using AiEnergyPipeline.Tables;
using System.Text.Json;

namespace AiEnergyPipeline.Recompute;

/// <summary>
/// Strict reads of JSON values that report what is wrong instead of throwing: a parsed document
/// can still hold things that only fail when read, such as an escaped lone surrogate
/// (<c>"\ud800"</c>) in a name or string, or a number outside the range of a double.
/// </summary>
internal static class JsonValues
{
    /// <summary>
    /// The members of <paramref name="obj"/> by name, first occurrence only: a later member of the
    /// same name is an error at its path, since which of the two was meant cannot be known.
    /// </summary>
    public static List<(string Name, string Path, JsonElement Value)> Members(JsonElement obj, string path, ValidationErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<(string, string, JsonElement)>();
        foreach (var property in obj.EnumerateObject())
        {
            if (!TryName(property, out var name))
            {
                errors.Add(path.Length == 0 ? ValidationErrors.Body : path, "a member name is not valid text (an escaped lone surrogate)");
                continue;
            }

            var memberPath = ValidationErrors.Member(path, name);
            if (!seen.Add(name))
            {
                errors.Add(memberPath, "is given more than once");
                continue;
            }

            members.Add((name, memberPath, property.Value));
        }

        return members;
    }

    /// <summary>A double, or the reason it is not one.</summary>
    public static bool TryNumber(JsonElement value, out double number, out string? error)
    {
        number = 0;
        if (value.ValueKind != JsonValueKind.Number)
        {
            error = $"must be a number, not {Kind(value)}";
            return false;
        }

        // TryGetDouble is false for numbers beyond the range of a double (1e400).
        if (!value.TryGetDouble(out number) || !double.IsFinite(number))
        {
            error = "is outside the range of a double";
            return false;
        }

        // -0 is 0: keeps the request's values printable as the user meant them.
        number = number == 0 ? 0 : number;
        error = null;
        return true;
    }

    /// <summary>A year within the data's years, or the reason it is not one.</summary>
    public static bool TryYear(JsonElement value, RecomputeLimits limits, out int year, out string? error)
    {
        year = 0;
        if (value.ValueKind != JsonValueKind.Number)
        {
            error = $"must be a year (a whole number), not {Kind(value)}";
            return false;
        }

        // Only integer literals: 2028.0 and 2.028e3 are rejected, so a year is always written as one.
        var raw = value.GetRawText();
        if (raw.AsSpan().ContainsAny(".eE"))
        {
            error = $"must be a whole year written without a fraction or exponent, not {Truncate(raw)}";
            return false;
        }

        if (!value.TryGetInt32(out year))
        {
            error = $"{Truncate(raw)} is outside the years the data covers, {limits.MinYear} to {limits.MaxYear}";
            return false;
        }

        error = limits.CheckYear(year);
        return error is null;
    }

    /// <summary>A string, or the reason it is not one.</summary>
    public static bool TryString(JsonElement value, out string text, out string? error)
    {
        text = "";
        if (value.ValueKind != JsonValueKind.String)
        {
            error = $"must be a string, not {Kind(value)}";
            return false;
        }

        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            error = "is not valid text (an escaped lone surrogate)";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>How a JSON value's type is named in messages.</summary>
    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>Text from the request as shown back in a message: cut to <paramref name="max"/> characters, control characters escaped (<see cref="SafeText"/>).</summary>
    public static string Show(string text, int max = 40) => SafeText.Escape(Truncate(text, max));

    /// <summary>Cuts text shown back in a message, so an error never echoes a large body.</summary>
    public static string Truncate(string text, int max = 40) => text.Length <= max ? text : text[..max] + "…";

    private static bool TryName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = "";
            return false;
        }
    }
}
