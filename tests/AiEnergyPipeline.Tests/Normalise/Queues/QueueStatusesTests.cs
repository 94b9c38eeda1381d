using AiEnergyPipeline.Normalise.Queues;

namespace AiEnergyPipeline.Tests.Normalise.Queues;

public class QueueStatusesTests
{
    [Theory]
    [InlineData("active", "active")]
    [InlineData("Active", "active")]
    [InlineData("Withdrawn", "withdrawn")]
    [InlineData("Completed", "operational")]
    [InlineData("operational", "operational")]
    [InlineData("In Service", "operational")]
    [InlineData("suspended", "suspended")]
    [InlineData("On Hold", "suspended")]
    [InlineData("Cancelled", "withdrawn")]
    public void Normalise_SourceWords_GiveTheFourStatuses(string word, string status) =>
        Assert.Equal(status, QueueStatuses.Normalise(word));

    [Fact]
    public void Normalise_UnknownWord_IsNull() => Assert.Null(QueueStatuses.Normalise("Confused"));
}
