using System.Globalization;

namespace AiEnergyPipeline.Hosting.Validation;

/// <summary>
/// Names settings the way operators set them: environment variables and app settings use
/// <c>__</c> where configuration paths use <c>:</c>, and messages must match what people type.
/// </summary>
public static class SettingKey
{
    /// <summary><c>Sources:Http</c> + <c>MaxRetries</c> → <c>Sources__Http__MaxRetries</c>; a blank section means a top-level setting.</summary>
    public static string Of(string section, string name) =>
        FromPath(section.Length == 0 ? name : $"{section}:{name}");

    /// <summary>A configuration path (<c>Sources:Queues:Files:0:Url</c>) in its environment-variable form.</summary>
    public static string FromPath(string path) => path.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>A duration as it is written in settings (<c>00:02:00</c>).</summary>
    public static string Show(TimeSpan value)
    {
        // "c" writes seven fraction digits (00:00:00.5000000); people write 00:00:00.5.
        var text = value.ToString("c", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) && text.LastIndexOf('.') > text.LastIndexOf(':') ? text.TrimEnd('0') : text;
    }

    public static string Show(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text values in quotes, so that blanks and spaces show.</summary>
    public static string Show(string? value) => value is null ? "not set" : $"'{value}'";
}
