using AiEnergyPipeline.Sources.Queues;

namespace AiEnergyPipeline.Tests.Sources.Queues;

public class QueueKeysTests
{
    [Theory]
    [InlineData("533", "Nor'easter Wind Phase I", null, "533 Phase I")]
    [InlineData("533", "Nor'easter Wind Phase II", null, "533 Phase II")]
    [InlineData("533", "Nor'easter Wind phase 2", null, "533 Phase 2")]
    [InlineData("533", "Nor'easter Wind", "Phase II", "533 Phase II")]
    [InlineData("533", "Nor'easter Wind", "ii", "533 Phase II")]
    [InlineData("533", "Nor'easter Wind", null, "533")]
    [InlineData("533", "Phaser Solar", null, "533")]
    public void Of_PhaseInNameOrColumn_IsInTheKey(string id, string name, string? phase, string key) =>
        Assert.Equal(key, QueueKeys.Of(id, name, phase));
}
