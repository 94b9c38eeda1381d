using AiEnergyPipeline.Sources.Queues;

namespace AiEnergyPipeline.Tests.Sources.Queues;

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
    [InlineData("Deactivated", "retired")]
    [InlineData("IA Completed", "active")]
    [InlineData("IA FULLY EXECUTED/COMMERCIAL OPERATION", "operational")]
    [InlineData("IA FULLY EXECUTED/ON SCHEDULE", "active")]
    [InlineData("IA FULLY EXECUTED/ON SUSPENSION", "suspended")]
    [InlineData("Partially in Service - Under Construction", "active")]
    [InlineData("Engineering and Procurement", "active")]
    [InlineData("Retracted", "withdrawn")]
    [InlineData("WITHDRAWN", "withdrawn")]
    [InlineData("Facility Study Stage", "active")]
    public void Normalise_SourceWords_GiveTheStatuses(string word, string status) =>
        Assert.Equal(status, QueueStatuses.Normalise(word));

    [Fact]
    public void Normalise_UnknownWord_IsNull() => Assert.Null(QueueStatuses.Normalise("Confused"));

    [Fact]
    public void NormaliseOrUnknown_UnknownWord_IsUnknown() => Assert.Equal("unknown", QueueStatuses.NormaliseOrUnknown("Confused"));
}
