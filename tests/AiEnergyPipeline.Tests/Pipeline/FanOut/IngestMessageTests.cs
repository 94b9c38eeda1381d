using System.Text;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.FanOut;

namespace AiEnergyPipeline.Tests.Pipeline.FanOut;

public class IngestMessageTests
{
    [Fact]
    public void Parse_ItsOwnJson_ReadsTheSameMessage()
    {
        var message = IngestMessage.ForPartition("20261127T060000Z-ab12cd34", new PartitionKey("eia930_bulk", "2025_h2"));

        var parsed = IngestMessage.Parse(message.ToJson());

        Assert.Equal(message, parsed);
        Assert.Contains("\"plan_id\":\"20261127T060000Z-ab12cd34\"", message.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Base64OfJson_ReadsTheSameMessage()
    {
        var message = IngestMessage.ForCompletion("20261127T060000Z-ab12cd34");

        var parsed = IngestMessage.Parse(Convert.ToBase64String(Encoding.UTF8.GetBytes(message.ToJson())));

        Assert.Equal(message, parsed);
    }

    [Theory]
    [InlineData("not json at all!")]
    [InlineData("{\"kind\":\"partition\",\"plan_id\":\"p1\"}")]
    [InlineData("{\"kind\":\"complete\",\"plan_id\":\"../latest\"}")]
    [InlineData("{\"kind\":\"launch\",\"plan_id\":\"p1\"}")]
    public void Parse_InvalidMessage_ThrowsInvalidIngestMessage(string text)
    {
        Assert.Throws<InvalidIngestMessageException>(() => IngestMessage.Parse(text));
    }
}
