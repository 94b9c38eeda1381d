using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Tests.Fetch;

public class SecretRedactorTests
{
    private const string Key = "k3yS3cr3tAbC123";

    [Fact]
    public void RedactUrl_ApiKeyInQuery_MasksItAndKeepsTheRest()
    {
        var url = new Uri($"https://api.eia.gov/v2/electricity/rto/region-data/data/?api_key={Key}&frequency=hourly&offset=0");

        var redacted = new SecretRedactor([]).RedactUrl(url);

        Assert.Equal("https://api.eia.gov/v2/electricity/rto/region-data/data/?api_key=REDACTED&frequency=hourly&offset=0", redacted);
    }

    [Fact]
    public void Redact_KnownSecretAnywhereInText_IsMasked()
    {
        var redactor = new SecretRedactor([Key, null, ""]);

        var text = redactor.Redact($"{{\"params\":{{\"api_key\":\"{Key}\"}},\"note\":\"{Key}{Key}\"}}");

        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.Equal("{\"params\":{\"api_key\":\"REDACTED\"},\"note\":\"REDACTEDREDACTED\"}", text);
    }

    [Fact]
    public void Redact_VeryShortSecrets_AreIgnoredRatherThanMaskingOrdinaryText()
    {
        Assert.Equal("a b c", new SecretRedactor(["a", "b"]).Redact("a b c"));
    }
}
