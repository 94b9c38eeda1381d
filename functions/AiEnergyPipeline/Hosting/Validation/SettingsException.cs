namespace AiEnergyPipeline.Hosting.Validation;

/// <summary>
/// A setting with a bad value: the message is one line that names the setting as operators set it
/// (<c>Sources__Http__MaxRetries</c>), its value and what it allows, so that the command line and
/// the Functions host can print it alone, without a stack trace.
/// </summary>
public sealed class SettingsException : Exception
{
    public SettingsException(string message)
        : base(message)
    {
    }

    public SettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SettingsException()
    {
    }
}
