using AiEnergyPipeline.Gap;
using AiEnergyPipeline.TestKit;
using CsvHelper;

namespace AiEnergyPipeline.Tests.Gap;

public class BalancingAuthorityRegionsTests
{
    private static readonly string Curated = Path.Combine(Repository.Root, "functions", "AiEnergyPipeline", "curated", GapInputsReader.RegionsFileName);

    [Fact]
    public void ReadRegions_CuratedFile_MapsEachBalancingAuthorityOnceToAnEia930Region()
    {
        var regions = GapInputsReader.ReadRegions(Curated);

        string[] known = ["CAL", "CAR", "CENT", "FLA", "MIDA", "MIDW", "NE", "NY", "NW", "SE", "SW", "TEN", "TEX"];
        Assert.Equal(regions.Count, regions.Select(r => r.BalancingAuthorityCode).Distinct().Count());
        Assert.All(regions, r => Assert.Contains(r.RegionCode, known));
        Assert.Equal(known.Order(StringComparer.Ordinal), regions.Select(r => r.RegionCode).Distinct().Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void ReadRegions_CuratedFile_AgreesWithTheEia930ReferenceTable()
    {
        var path = Repository.RealData("eia930/ba-reference.csv");
        Skip.IfNot(File.Exists(path), "needs ../shared/data/real/eia930/ba-reference.csv, which is not beside this checkout");
        var reference = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var stream = File.OpenRead(path))
        using (var csv = CsvReader.Create(stream, CsvReaderOptions.Default, leaveOpen: true))
        {
            var code = csv.Headers.ToList().IndexOf("BA Code");
            var region = csv.Headers.ToList().IndexOf("Region/Country Code");
            while (csv.Read())
            {
                reference[csv.GetString(code).Trim()] = csv.GetString(region).Trim();
            }
        }

        var disagreements = GapInputsReader.ReadRegions(Curated)
            .Where(r => !reference.TryGetValue(r.BalancingAuthorityCode, out var region) || region != r.RegionCode)
            .Select(r => $"{r.BalancingAuthorityCode}: {r.RegionCode} here, {reference.GetValueOrDefault(r.BalancingAuthorityCode, "absent")} in the reference")
            .ToList();
        Assert.Empty(disagreements);
    }
}
