using AiEnergyPipeline.Sources;

namespace AiEnergyPipeline.Tests.Sources;

public class PartitionQuarantineTests
{
    private static QuarantineRecord Row(long line) => new("eia930_bulk", "EIA930_BALANCE_2025_Jul_Dec.csv", "", line, $"reason {line}", "");

    [Fact]
    public void Add_UpToTheLimit_KeepsEveryRow()
    {
        var quarantine = new PartitionQuarantine(100);

        for (var line = 2; line <= 101; line++)
        {
            quarantine.Add(Row(line));
        }

        Assert.Equal(100, quarantine.Records.Count);
    }

    [Fact]
    public void Add_PastTheLimit_FailsTheFileNamingItTheSettingAndTheFirstRow()
    {
        var quarantine = new PartitionQuarantine(100);
        for (var line = 2; line <= 101; line++)
        {
            quarantine.Add(Row(line));
        }

        var error = Assert.Throws<AiEnergyPipeline.Fetch.SourceException>(() => quarantine.Add(Row(102)));

        Assert.Equal("eia930_bulk: EIA930_BALANCE_2025_Jul_Dec.csv: more than 100 rows could not be read, so the file is taken as malformed rather than quarantined row by row (raise Sources:Limits:MaxQuarantinedRowsPerFile if it is genuine); the first, line 2: reason 2", error.Message);
        Assert.Equal(100, quarantine.Records.Count);
    }
}
