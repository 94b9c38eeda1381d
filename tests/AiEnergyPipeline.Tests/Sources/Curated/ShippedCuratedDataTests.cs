using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tests.Sources.Curated;

/// <summary>The curated files as they ship beside the program: complete, valid and cited.</summary>
public class ShippedCuratedDataTests
{
    private static readonly string Folder = CuratedOptions.DefaultPath;

    private static (IReadOnlyList<Assumption> Rows, List<QuarantineRecord> Quarantine) Assumptions()
    {
        var quarantine = new List<QuarantineRecord>();
        using var stream = File.OpenRead(Path.Combine(Folder, AssumptionsCsv.FileName));
        return (AssumptionsCsv.Read(stream, CuratedSamples.AssumptionsFile, quarantine.Add, new SourceCounts()), quarantine);
    }

    private static (IReadOnlyList<DemandScenario> Rows, List<QuarantineRecord> Quarantine) Scenarios()
    {
        var quarantine = new List<QuarantineRecord>();
        using var stream = File.OpenRead(Path.Combine(Folder, DemandScenariosCsv.FileName));
        return (DemandScenariosCsv.Read(stream, CuratedSamples.ScenariosFile, new AssumptionSet(Assumptions().Rows), quarantine.Add, new SourceCounts()), quarantine);
    }

    [Fact]
    public void Assumptions_EveryRow_IsValid()
    {
        var (rows, quarantine) = Assumptions();

        Assert.Empty(quarantine);
        Assert.Equal(File.ReadAllLines(Path.Combine(Folder, AssumptionsCsv.FileName)).Length - 1, rows.Count);
    }

    [Fact]
    public void Assumptions_EveryAccreditationClass_HasAFactorBetweenZeroAndOne()
    {
        var factors = Assumptions().Rows.ToDictionary(a => a.Name);

        Assert.All(CuratedVocabulary.AccreditationClasses, c =>
        {
            Assert.True(factors.TryGetValue(AssumptionNames.AccreditationFactor(c), out var factor), $"no factor for {c}");
            Assert.InRange(factor.Value, 0.0, 1.0);
            Assert.Equal("fraction", factor.Unit);
            Assert.Contains("2026/2027", factor.Source + factor.Notes, StringComparison.Ordinal);
        });
        Assert.Equal(17, CuratedVocabulary.AccreditationClasses.Count);
    }

    [Fact]
    public void Assumptions_PjmClassRatings_AreThoseOfThe2026To2027DeliveryYear()
    {
        var factors = Assumptions().Rows.ToDictionary(a => a.Name, a => a.Value);

        // SOURCES.md: onshore wind 41%; nuclear, gas and coal high; solar and short storage low.
        Assert.Equal(0.41, factors[AssumptionNames.AccreditationFactor("onshore_wind")]);
        Assert.True(factors[AssumptionNames.AccreditationFactor("nuclear")] > 0.9);
        Assert.True(factors[AssumptionNames.AccreditationFactor("solar_pv")] < 0.2);
        Assert.True(factors[AssumptionNames.AccreditationFactor("battery_storage")] < factors[AssumptionNames.AccreditationFactor("gas_combined_cycle")]);
    }

    [Fact]
    public void Assumptions_EveryPlannedStatus_HasAWeightAndConstructionOutweighsPlanning()
    {
        var weights = Assumptions().Rows.ToDictionary(a => a.Name, a => a.Value);

        Assert.All(CuratedVocabulary.PlannedStatuses, s => Assert.InRange(weights[AssumptionNames.CompletionWeight(s)], 0.0, 1.0));
        // Least to most advanced: P, L, T, U, V, TS never lose weight as a unit advances.
        var ordered = new[] { "P", "L", "T", "U", "V", "TS" }.Select(s => weights[AssumptionNames.CompletionWeight(s)]).ToList();
        Assert.Equal(ordered.Order(), ordered);
        Assert.True(weights["completion_weight.U"] > weights["completion_weight.P"]);
    }

    [Fact]
    public void Assumptions_ModelParameters_ArePresentAndSensible()
    {
        var a = Assumptions().Rows.ToDictionary(r => r.Name, r => r.Value);

        Assert.Equal(0.18, a[AssumptionNames.ReserveMargin]);
        Assert.InRange(a[AssumptionNames.DataCentreLoadFactor], 0.5, 1.0);
        Assert.Equal(4000, a["us_electricity_consumption_twh.2023"]);
        Assert.True(a[AssumptionNames.OtherLoadGrowth] > 0);
        Assert.Equal(2030, a[AssumptionNames.HorizonYear]);
        Assert.True(a[AssumptionNames.BaseYear] < a[AssumptionNames.HorizonYear]);
    }

    [Fact]
    public void Scenarios_EveryRow_IsValidAndCitesASourceAndAPublishersUrl()
    {
        var (rows, quarantine) = Scenarios();

        Assert.Empty(quarantine);
        Assert.Equal(File.ReadAllLines(Path.Combine(Folder, DemandScenariosCsv.FileName)).Length - 1, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Source), $"{r.ScenarioId} {r.Year}: no source");
            Assert.StartsWith("https://", r.Url, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(r.Notes), $"{r.ScenarioId} {r.Year}: no notes");
        });
    }

    [Fact]
    public void Scenarios_AllBriefedScenarios_ArePresent()
    {
        var ids = Scenarios().Rows.Select(r => r.ScenarioId).ToHashSet();

        Assert.Equal(
            ["anthropic_build_ai_2028", "anthropic_frontier_training", "epri_2024_high", "epri_2024_higher", "epri_2024_low", "epri_2024_moderate",
             "grid_strategies_2024_high", "grid_strategies_2024_low", "lbnl_2024_high", "lbnl_2024_low"],
            ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scenarios_Anthropic2028_Is50Gw()
    {
        var row = Scenarios().Rows.Single(r => r.ScenarioId == "anthropic_build_ai_2028" && r.Year == 2028);

        Assert.Equal(50, row.Value);
        Assert.Equal("GW", row.Unit);
        Assert.Equal(50, row.AiLoadGw);
        Assert.Equal("https://www.anthropic.com/news/build-ai-in-america", row.Url);
    }

    [Fact]
    public void Scenarios_UnpublishedBaseYears_SaySoInTheirNotes()
    {
        var rows = Scenarios().Rows;

        Assert.StartsWith("ASSUMPTION", rows.Single(r => r.ScenarioId == "anthropic_build_ai_2028" && r.Year == 2025).Notes, StringComparison.Ordinal);
        Assert.StartsWith("ASSUMPTION", rows.Single(r => r.ScenarioId == "anthropic_frontier_training" && r.Year == 2025).Notes, StringComparison.Ordinal);
        Assert.All(rows.Where(r => r.Notes.StartsWith("Published:", StringComparison.Ordinal)), r => Assert.True(r.Value > 0, $"{r.ScenarioId} {r.Year}"));
    }

    [Fact]
    public void Scenarios_PublishedFigures_ConvertAsHandComputed()
    {
        var rows = Scenarios().Rows.ToDictionary(r => (r.ScenarioId, r.Year));

        // LBNL 2028 low: 325 TWh x 1000 / 8760 h / 0.8 = 46.3756 GW.
        Assert.Equal(46.3756, rows[("lbnl_2024_low", 2028)].AiLoadGw);
        // LBNL 2023: 176 TWh x 1000 / 8760 h = 20.0913 GW average; / 0.8 = 25.1142 GW.
        Assert.Equal(25.1142, rows[("lbnl_2024_high", 2023)].AiLoadGw);
        // EPRI 2030 higher: 9.1% x 4,000 TWh = 364 TWh; x 1000 / 8760 = 41.5525 GW; / 0.8 = 51.9406 GW.
        Assert.Equal(51.9406, rows[("epri_2024_higher", 2030)].AiLoadGw);
        Assert.Equal(5, rows[("anthropic_frontier_training", 2028)].AiLoadGw);
        Assert.Equal(90, rows[("grid_strategies_2024_high", 2029)].AiLoadGw);
    }
}
