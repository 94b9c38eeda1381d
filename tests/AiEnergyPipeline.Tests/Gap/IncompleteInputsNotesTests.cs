using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;
using AiEnergyPipeline.Tests.Sources.Queues;
using AiEnergyPipeline.Tests.Sources.Eia860m;
using AiEnergyPipeline.Sources.Eia860m;
using Microsoft.Extensions.Options;
using static AiEnergyPipeline.Tests.Sources.Queues.QueueSamples;

namespace AiEnergyPipeline.Tests.Gap;

/// <summary>A number from inputs that are not whole is published empty or with a note naming what it lacks.</summary>
public class IncompleteInputsNotesTests
{
    // MIDA has two authorities: PJM with four complete years, DUK with one complete year only (its earlier years cover half the year).
    private static readonly IReadOnlyList<BalancingAuthorityRegion> Regions =
    [
        new("PJM", "PJM Interconnection", "MIDA", "Mid-Atlantic"),
        new("DUK", "Some Utility", "MIDA", "Mid-Atlantic"),
        new("ERCO", "ERCOT", "TEX", "Texas"),
    ];

    private static readonly List<AnnualPeak> Peaks =
    [
        new("PJM", 2021, 1000, 0.99), new("PJM", 2022, 1100, 0.99), new("PJM", 2023, 1200, 0.99), new("PJM", 2024, 1300, 0.99),
        new("ERCO", 2021, 500, 0.99), new("ERCO", 2022, 520, 0.99), new("ERCO", 2023, 540, 0.99), new("ERCO", 2024, 560, 0.99),
        // DUK grows fast (+400 MW a year) but only 2024 is complete: no trend of its own.
        new("DUK", 2021, 800, 0.5), new("DUK", 2022, 1200, 0.5), new("DUK", 2023, 1600, 0.5), new("DUK", 2024, 2000, 0.99),
    ];

    [Fact]
    public void Compute_RegionWithAnAuthorityWithoutThreeCompleteYears_NotesTheAuthorityTheTrendLeavesOut()
    {
        var inputs = GapTestData.Inputs(peaks: Peaks) with { Regions = Regions };

        var result = GapModel.Compute(inputs, GapTestData.Settings());

        var mida = result.ByRegion.Single(r => r.Region == "MIDA" && r.Year == 2028);
        // MIDA's other load growth is PJM's slope alone (0.1 GW/yr x 3 = 0.3 GW), and the US figure (PJM + ERCO) leaves DUK out too: a note says whose growth it lacks.
        Assert.Equal(0.3, mida.OtherLoadGrowthGw);
        Assert.Equal(0.36, result.ByYear.Single(r => r.Year == 2028).OtherLoadGrowthGw);
        Assert.Contains(result.Notes, n => n.StartsWith("balancing authorities still reporting but without 3 complete years", StringComparison.Ordinal) && n.EndsWith(": DUK (MIDA)", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_UsVsChinaOneCountryWithoutATotalInAYear_LeftEmptyWithANote()
    {
        var notes = new List<string>();

        // Ember gives China's total for 2022 and 2024 but not 2023 (the latest year not yet out for one country, say).
        var rows = UsVsChina.Compute([new("USA", 2022, null), new("USA", 2023, 30), new("CHN", 2022, null)], notes);

        Assert.Equal(new CountryComparisonRow(2023, 30, null), rows.Single(r => r.Year == 2023));
        Assert.Contains("us_vs_china_additions: CHN 2023 left empty: country_capacity has no CHN total for 2023", notes);
    }

    [Fact]
    public void Compute_HorizonBefore2028_Gap2028EmptyWithANote()
    {
        var settings = GapTestData.Settings() with { HorizonYear = 2027 };

        var result = GapModel.Compute(GapTestData.Inputs(), settings);

        Assert.Null(result.Headlines.Single().GapGw2028);
        Assert.Contains(result.Notes, n => n.StartsWith("gap_gw_2028 in headline.json left empty: 2028 is outside the years computed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithQueuesNotRead_IsoFileFailedAndNoOtherFileHoldsItsQueue_TheQueueIsIncompleteAndNoTailIsAdded()
    {
        // Two ISO files, no LBNL workbook (a valid setting): PJM's file is not in the gridstatus layout and fails alone.
        var settings = new QueuesOptions
        {
            Files =
            [
                new QueueFileOptions { Url = "https://data.gridstatus.example/ercot.csv", Format = "gridstatus", Region = "ERCOT" },
                new QueueFileOptions { Url = "https://data.gridstatus.example/pjm.csv", Format = "gridstatus", Region = "PJM" },
            ],
        };
        var ercot = Text("ercot.csv", Gridstatus(GridstatusRow(id: "INR-1", state: "TX", proposed: "06-2027")));
        var pjm = Text("pjm.csv", Gridstatus(GridstatusRow(id: "AF1-123")).Replace("Queue ID,", "Request,", StringComparison.Ordinal));
        var staging = Repository.NewTempFolder();
        await using var quarantineWriter = TableWriter.Create(staging, Schemas.Quarantine, OriginColumn.Fetched);
        var context = new NormaliseContext(new Dictionary<string, IReadOnlyList<FetchedFile>> { [Source] = [ercot, pjm] }, staging, new QuarantineTable(quarantineWriter, _ => OriginColumn.Fetched));
        var tables = await new QueuesNormaliser(Options.Create(settings), new ListLogger<QueuesNormaliser>()).NormaliseAsync(context, CancellationToken.None);
        await quarantineWriter.CompleteAsync(CancellationToken.None);

        // The source is partial (report.json: queues partial, failed_files names PJM) ...
        Assert.Equal("PJM", Assert.Single(context.CountsOf(Source).Failures).Missing);
        // ... but queue_projects has no PJM row at all, so nothing in it says complete=false: the failures do.
        // A completion rate for ERCOT's project (there is no LBNL workbook here), so that a tail could be added.
        var fromTables = QueueTailReader.Read(tables) is var read
            ? read with { Rates = [.. read.Projects.Select(p => new QueueTailRate(p.Region, p.AccreditationClass, p.EntryCohort, 10, 3000, 10, 3000, 0.5))] }
            : null!;
        var queues = fromTables.WithQueuesNotRead(context.CountsOf(Source).Failures.Select(f => f.Missing));
        var notes = new List<string>();
        var gapSettings = GapTestData.Settings() with { AddQueueTail = true };
        GeneratorUnit[] planned = [new GeneratorUnit("planned", "ERCO", "solar_pv", "U", 100, 2026, null, "TX", 1, null, null)];
        var added = QueueTailModel.Additions(queues, gapSettings, planned, _ => "TEX", notes);

        Assert.Empty(fromTables.IncompleteRegions);
        Assert.Equal(["PJM"], queues.IncompleteRegions);
        Assert.Empty(added);
        // Without PJM's failure the same inputs do add ERCOT's project: the empty tail above is the failure's doing.
        Assert.NotEmpty(QueueTailModel.Additions(fromTables, gapSettings, planned, _ => "TEX", []));
        Assert.Contains(notes, n => n.Contains("the queues PJM were read only in part in this run", StringComparison.Ordinal));
    }
    [Fact]
    public void Compute_PlannedUnitsAVintageCouldNotRead_NotesThemByWorkbookAndSheet()
    {
        // The newest vintage plans three 200 MW solar units for 2027 (AZPS); EIA left one's planned date blank, another has a latitude of 95.
        var path = Eia860mSamples.Write(Eia860mSamples.Workbook(planned:
        [
            Eia860mSamples.Planned(1, "A"),
            Eia860mSamples.Planned(2, "B", (Eia860mWorkbook.PlannedOperationMonth, null), (Eia860mWorkbook.PlannedOperationYear, null)),
            Eia860mSamples.Planned(3, "C", (Eia860mWorkbook.Latitude, 95.0)),
        ]));
        var (records, quarantined, _) = Eia860mSamples.Read(path);
        Assert.Equal(2, quarantined.Count);
        // generators holds what the normaliser read, as GapInputsReader gives it to the model.
        var units = records.Select(r => new GeneratorUnit(r.Sheet.Name, r.BalancingAuthorityCode, "solar_pv", r.Status, r.NameplateMw,
            r.PlannedOperationMonth.Length > 0 ? int.Parse(r.PlannedOperationMonth[..4], System.Globalization.CultureInfo.InvariantCulture) : null, null, r.State, r.PlantId)).ToList();

        var quarantine = Path.Combine(Repository.NewTempFolder(), "quarantine.csv");
        File.WriteAllLines(quarantine, ["source,file,raw_path,line,reason,excerpt", .. quarantined.Select(q => $"eia860m,july_generator2026.xlsx,raw/x.xlsx,1,\"{q.Reason}\",")]);
        var unread = GapInputsReader.ReadUnreadGenerators(quarantine);

        var result = GapModel.Compute(GapTestData.Inputs(generators: units) with { UnreadGenerators = unread }, GapTestData.Settings());

        // One unit counted: 200 x 0.1 x weight(U) 0.5 = 10 MW by 2027; the note names the two the workbook's reader set aside.
        Assert.Equal(0.01, result.ByYear.Single(r => r.Year == 2027).FirmAdditionsGw, 9);
        Assert.Contains(result.Notes, n => n.StartsWith("EIA-860M rows that could not be read", StringComparison.Ordinal) && n.EndsWith("july_generator2026.xlsx 2 (Planned 2)", StringComparison.Ordinal));
    }
    [Fact]
    public void Read_AuthorityWhoseOnlyYearHasEveryHourFlagged_TheModelNamesIt()
    {
        var folder = Repository.NewTempFolder();
        StagedTable Table(TableSchema schema, string csv)
        {
            var path = Path.Combine(folder, schema.Name + ".csv");
            File.WriteAllText(path, csv);
            return new StagedTable(schema, path, "csv", 0, 0, "");
        }

        var tables = new List<StagedTable>
        {
            Table(Schemas.DemandScenarios, "scenario_id,year,ai_load_gw,source,notes\ns1,2025,0,\"Publisher, T (2025)\",\ns1,2028,10,\"Publisher, T (2025)\",\n"),
            Table(Schemas.Assumptions, "name,value,notes\n"),
            Table(Schemas.Generators, "sheet,balancing_authority_code,accreditation_class,status,nameplate_mw,planned_operation_month,planned_retirement_month,state,plant_id,operating_month,retirement_month\n"),
            // DUK's 2024: every hour flagged (peak empty, coverage 0). It has no complete year.
            Table(Schemas.BaAnnual, "balancing_authority_code,year,peak_demand_mw,coverage_ratio\nDUK,2024,,0\nERCO,2024,100,0.99\nPJM,2024,300,0.99\n"),
            Table(Schemas.CountryCapacity, "iso3,year,fuel,is_aggregate,additions_gw,complete\n"),
        };
        var regions = Path.Combine(folder, "regions.csv");
        File.WriteAllText(regions, "balancing_authority_code,balancing_authority_name,region_code,region_name\nPJM,P,MIDA,M\nDUK,D,MIDA,M\nERCO,E,TEX,T\n");

        var inputs = GapInputsReader.Read(tables, regions);
        var result = GapModel.Compute(inputs, GapTestData.Settings());

        var mida = result.ByRegion.Single(r => r.Region == "MIDA" && r.Year == 2028);
        // MIDA gets 75% (PJM's 300 of 400 MW), DUK counted nowhere: a note names it.
        Assert.Equal(7.5, mida.AiDemandGw);
        Assert.Equal(["DUK"], inputs.WithoutPeaks);
        Assert.Contains(result.Notes, n => n.StartsWith("balancing authorities of ba_annual without a peak in any year", StringComparison.Ordinal) && n.EndsWith(": DUK (MIDA)", StringComparison.Ordinal));
    }
    [Fact]
    public void Learn_CohortsWithAGap_NotesNameEachCohort()
    {
        // planned_realisation has cohorts 2019, 2020 and 2024 only: the Januaries 2021-2023 were not among the vintages read.
        RealisationCohort[] rows = [new(2019, "all", "U", 1000, 900), new(2020, "all", "U", 1000, 900), new(2024, "all", "U", 1000, 100)];

        var u = Assert.Single(CompletionWeights.Learn(rows, new CompletionLearningOptions { Cohorts = 3, MinimumCohortMw = 1000 }), w => w.Name == "completion_weight.U");

        Assert.Contains("planned_realisation cohorts 2019, 2020, 2024 (", u.Notes, StringComparison.Ordinal);
    }
}
