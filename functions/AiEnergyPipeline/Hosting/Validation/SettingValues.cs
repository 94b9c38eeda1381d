using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Hosting.Validation;

/// <summary>Checks of values that several settings share: paths, storage names, connection strings, service versions.</summary>
public static partial class SettingValues
{
    /// <summary>What a hidden value shows: connection strings and keys may hold secrets, and messages end up in logs.</summary>
    public const string Hidden = "set, but not valid (the value is not shown: it may hold a key)";

    /// <summary>A folder that may not exist yet: any path that is not a file, nor under one (which could never be made).</summary>
    public static bool IsFolderPath(string path)
    {
        try
        {
            if (path.IndexOf('\0', StringComparison.Ordinal) >= 0)
            {
                return false;
            }

            for (var at = System.IO.Path.GetFullPath(path); !string.IsNullOrEmpty(at); at = System.IO.Path.GetDirectoryName(at))
            {
                if (File.Exists(at))
                {
                    return false;
                }

                if (Directory.Exists(at))
                {
                    return true;
                }
            }

            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return false;
        }
    }

    /// <summary>Blob container and queue names: 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
    public static bool IsStorageName(string name) => StorageName().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal);

    public const string StorageNameRule = "3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit";

    /// <summary>A connection string the storage clients accept; parsing it opens no connection.</summary>
    public static bool IsStorageConnectionString(string value)
    {
        try
        {
            _ = new BlobServiceClient(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    public static bool IsQueueConnectionString(string value)
    {
        try
        {
            _ = new QueueServiceClient(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>A named member of <typeparamref name="TEnum"/>, case-insensitively; numbers are not names.</summary>
    public static bool IsName<TEnum>(string value)
        where TEnum : struct, Enum =>
        !char.IsDigit(value[0]) && value[0] != '-' && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed);

    /// <summary>The versions a client knows, as "V2019_02_02 to V2026_02_06".</summary>
    public static string VersionRange<TEnum>()
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>();
        return $"a service version from {names[0]} to {names[^1]}";
    }

    public static bool IsHour(string value) => TryParseHour(value, out _);

    /// <summary>An hour as the EIA API writes it: <c>2026-01-31T23</c>.</summary>
    public static bool TryParseHour(string? value, out DateTime hour) =>
        DateTime.TryParseExact(value?.Trim(), "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out hour);

    public static bool IsMonth(string value) => DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex StorageName();
}
