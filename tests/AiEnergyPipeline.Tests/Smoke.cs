namespace AiEnergyPipeline.Tests; public class Smoke { [Fact] public void One() => Assert.True(true); }
