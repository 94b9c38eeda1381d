using AiEnergyPipeline.Sources.Curated;

namespace AiEnergyPipeline.Tests.Sources.Curated;

public class DemandConversionTests
{
    [Fact]
    public void CapacityGw_Lbnl2028LowAtLoadFactor08_Is46Point38Gw()
    {
        // 325 TWh x 1000 GWh/TWh = 325,000 GWh; / 8,760 h = 37.1005 GW on average;
        // / 0.8 load factor = 46.3756 GW of capacity.
        var gw = DemandConversion.CapacityGw(325, 0.8);

        Assert.Equal(46.3756, gw, 4);
        Assert.Equal(46.38, Math.Round(gw, 2));
    }

    [Fact]
    public void AverageGw_OneYearOf8760Gwh_IsOneGw()
    {
        // 8.76 TWh = 8,760 GWh spread over 8,760 h is exactly 1 GW.
        Assert.Equal(1.0, DemandConversion.AverageGw(8.76), 12);
    }

    [Fact]
    public void ShareTwh_Epri2030LowOf4000Twh_Is184Twh()
    {
        // 4.6% x 4,000 TWh = 184 TWh.
        Assert.Equal(184, DemandConversion.ShareTwh(4.6, 4000), 9);
    }

    [Fact]
    public void CapacityGw_LowerLoadFactor_NeedsMoreCapacity()
    {
        // 580 TWh: 66.2100 GW on average; at 0.8 that is 82.7626 GW, at 0.5 it is 132.4201 GW.
        Assert.Equal(82.7626, DemandConversion.CapacityGw(580, 0.8), 4);
        Assert.Equal(132.4201, DemandConversion.CapacityGw(580, 0.5), 4);
    }

    [Theory]
    [InlineData("capacity", DemandBasis.Capacity)]
    [InlineData("energy", DemandBasis.Energy)]
    [InlineData("share", DemandBasis.Share)]
    public void ParseBasis_KnownName_RoundTrips(string name, DemandBasis basis)
    {
        Assert.Equal(basis, DemandConversion.ParseBasis(name));
        Assert.Equal(name, basis.Name());
    }

    [Theory]
    [InlineData("Energy")]
    [InlineData("power")]
    [InlineData("")]
    public void ParseBasis_UnknownName_IsNull(string name)
    {
        Assert.Null(DemandConversion.ParseBasis(name));
    }
}
