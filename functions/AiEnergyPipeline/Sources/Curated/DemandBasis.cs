namespace AiEnergyPipeline.Sources.Curated;

/// <summary>How a published demand figure is stated: as capacity, as annual energy, or as a share of US electricity.</summary>
public enum DemandBasis
{
    Capacity,
    Energy,
    Share,
}
