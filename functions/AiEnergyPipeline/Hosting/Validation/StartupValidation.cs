using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Hosting.Validation;

/// <summary>
/// The one place that checks every setting before work starts, for the command line and the
/// Functions app alike: each options type registers its <see cref="SettingRules{T}"/> with
/// <see cref="ValidateSettings"/> (an options validator plus ValidateOnStart), and
/// <see cref="ThrowIfInvalid"/> runs them all. Whatever goes wrong — a value out of range, one the
/// configuration binder cannot convert — ends as a <see cref="SettingsException"/> of one line.
/// </summary>
public static partial class StartupValidation
{
    /// <summary>
    /// The name of the options as the operator set them, before the bundled snapshot's settings
    /// cover some of them: validated too, so that a bad value is reported even in an offline run.
    /// </summary>
    public const string AsSetName = "as-set";

    /// <summary>Validates the options with <typeparamref name="TRules"/> at start-up (and whenever they are created).</summary>
    public static OptionsBuilder<T> ValidateSettings<T, TRules>(this OptionsBuilder<T> builder)
        where T : class, new()
        where TRules : SettingRules<T>
    {
        builder.Services.TryAddSingleton<TRules>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, TRules>(sp => sp.GetRequiredService<TRules>()));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISettingRules, TRules>(sp => sp.GetRequiredService<TRules>()));
        return builder.ValidateOnStart();
    }

    /// <summary>Creates every registered options instance that asked for validation at start-up.</summary>
    /// <exception cref="SettingsException">A setting is invalid; the message is one line.</exception>
    public static void ThrowIfInvalid(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new SettingsException(e.Failures.FirstOrDefault() ?? e.Message, e);
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault() is OptionsValidationException first)
        {
            throw new SettingsException(first.Failures.FirstOrDefault() ?? first.Message, e);
        }
        catch (InvalidOperationException e) when (Unconvertible(e, services.GetServices<ISettingRules>()) is { } line)
        {
            throw new SettingsException(line, e);
        }
    }

    /// <summary>
    /// Binds and checks settings that shape the registration itself (the source mode, the store),
    /// so they are read before the container exists.
    /// </summary>
    /// <exception cref="SettingsException">A setting is invalid; the message is one line.</exception>
    public static T Bind<T>(IConfiguration configuration, string section, SettingRules<T> rules)
        where T : class, new()
    {
        T options;
        try
        {
            options = configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e) when (Unconvertible(e, [rules]) is { } line)
        {
            throw new SettingsException(line, e);
        }

        var result = rules.Validate(Options.DefaultName, options);
        return result.Failed ? throw new SettingsException(result.Failures.First()) : options;
    }

    /// <summary>
    /// The binder's "Failed to convert configuration value 'abc' at 'Sources:Http:MaxRetries' to
    /// type 'System.Int32'" as the same line a rule gives; null for any other exception.
    /// </summary>
    public static string? Unconvertible(InvalidOperationException e, IEnumerable<ISettingRules> rules)
    {
        var match = BinderFailure().Match(e.Message);
        if (!match.Success)
        {
            return null;
        }

        var key = SettingKey.FromPath(match.Groups["path"].Value);
        var pattern = ListIndex().Replace(key, "__{i}");
        var allowed = rules.SelectMany(r => r.Rules).FirstOrDefault(s => string.Equals(s.Key, pattern, StringComparison.OrdinalIgnoreCase))?.Allowed
            ?? TypeName(match.Groups["type"].Value);
        return $"{key} is {SettingKey.Show(match.Groups["value"].Value)}: must be {allowed}.";
    }

    private static string TypeName(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "an integer",
        "System.TimeSpan" => "a duration (hh:mm:ss)",
        "System.Uri" => "an absolute http(s) URL",
        _ => $"a value of type {type}",
    };

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex BinderFailure();

    [GeneratedRegex(@"__\d+(?=__|$)")]
    private static partial Regex ListIndex();
}
