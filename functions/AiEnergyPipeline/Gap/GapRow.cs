namespace AiEnergyPipeline.Gap;

/// <summary>One row of gap_by_year (Region null) or gap_by_region; values rounded to 6 decimals.</summary>
/// <param name="AiDemandGw">Null (published empty, the notes say why) for a region with no share of the US peak to allocate by; never null for the US.</param>
/// <param name="OtherLoadGrowthGw">Null for a region without a share (assumption basis) or without a trend of its own (trend basis); never null for the US.</param>
/// <param name="GapGw">Null when either demand component is.</param>
/// <param name="FirmAdditionsBasis">Where the completion weights behind <paramref name="FirmAdditionsGw"/> came from (<see cref="WeightBasis.Of"/>).</param>
public sealed record GapRow(
    string ScenarioId,
    string? Region,
    int Year,
    double? AiDemandGw,
    string AiDemandBasis,
    double? OtherLoadGrowthGw,
    string OtherLoadGrowthBasis,
    double ReserveMargin,
    double FirmAdditionsGw,
    double? GapGw,
    string FirmAdditionsBasis = WeightBasis.None);
