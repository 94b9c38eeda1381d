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
        var unitedStates = new List<string>();
        using (var stream = File.OpenRead(path))
        using (var csv = CsvReader.Create(stream, CsvReaderOptions.Default, leaveOpen: true))
        {
            var code = csv.Headers.ToList().IndexOf("BA Code");
            var region = csv.Headers.ToList().IndexOf("Region/Country Code");
            var us = csv.Headers.ToList().IndexOf("U.S. BA");
            while (csv.Read())
            {
                reference[csv.GetString(code).Trim()] = csv.GetString(region).Trim();
                if (csv.GetString(us).Trim() == "Yes")
                {
                    unitedStates.Add(csv.GetString(code).Trim());
                }
            }
        }

        var curated = GapInputsReader.ReadRegions(Curated);
        var disagreements = curated
            .Where(r => !reference.TryGetValue(r.BalancingAuthorityCode, out var region) || region != r.RegionCode)
            .Select(r => $"{r.BalancingAuthorityCode}: {r.RegionCode} here, {reference.GetValueOrDefault(r.BalancingAuthorityCode, "absent")} in the reference")
            .ToList();
        Assert.Empty(disagreements);
        // Every U.S. authority, retired ones too (EIA-860M's older vintages and EIA-930's history name
        // them): one left out would put its units and peaks in region unknown.
        Assert.Empty(unitedStates.Except(curated.Select(r => r.BalancingAuthorityCode)));
    }
}
