using AiEnergyPipeline.Functions;
using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Hosting.Validation.Rules;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Hosting;

/// <summary>
/// The start-up check, as the Functions app runs it before its host starts (the command line runs
/// the same validation; CliSettingsTests runs it as a process): a bad value of any setting is one
/// line naming the setting, its value and its range, and exit code 2.
/// </summary>
public class StartupSettingsTests
{
    public static TheoryData<BadSetting> Cases() => [.. BadSettings.All];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_BadValue_IsOneLineNamingTheSettingAndItsRangeWithExitTwo(BadSetting bad)
    {
        var error = new StringWriter();

        var exitCode = StartupSettings.Check(SettingsSample.With(BadSettings.AsConfiguration(bad)), error);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r');
        Assert.StartsWith($"error: {bad.Key} is ", line, StringComparison.Ordinal);
        Assert.Contains(bad.Expected, line, StringComparison.Ordinal);
        Assert.Contains(": must be ", line, StringComparison.Ordinal);
        Assert.EndsWith(".", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("IngestQueue")]
    [InlineData("PublishedStorage__ConnectionString")]
    [InlineData("EIA_API_KEY")]
    public void Check_BadSecret_NamesTheSettingWithoutShowingItsValue(string key)
    {
        var secret = "AccountKey=s3cr3t not-a-valid value";
        var error = new StringWriter();

        StartupSettings.Check(SettingsSample.With(new Dictionary<string, string?> { [key.Replace("__", ":", StringComparison.Ordinal)] = secret }), error);

        Assert.StartsWith($"error: {key} is set, but not valid", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Snapshot")]
    [InlineData("Live")]
    public void Check_TheSampleSettings_AreValidInEitherMode(string mode)
    {
        var error = new StringWriter();

        var exitCode = StartupSettings.Check(SettingsSample.With(new Dictionary<string, string?> { ["Pipeline:Mode"] = mode }), error);

        Assert.Null(exitCode);
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void ThrowIfInvalid_NoSchedule_SaysTheFunctionsAppNeedsIt()
    {
        var error = Assert.Throws<SettingsException>(() => StartupSettings.ThrowIfInvalid(SettingsSample.With(new Dictionary<string, string?> { ["INGEST_SCHEDULE"] = "" })));

        Assert.Equal($"INGEST_SCHEDULE is not set: must be {RootSettingsRules.ScheduleRule}.", error.Message);
    }
}
