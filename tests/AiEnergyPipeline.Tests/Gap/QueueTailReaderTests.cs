using AiEnergyPipeline.Gap;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Gap;

public class QueueTailReaderTests
{
    private const string ProjectsHeader = "region,project_key,state,accreditation_class,capacity_mw,queue_date,proposed_completion_date,status,source_format,complete";
    private const string RatesHeader = "region,generation_type,entry_cohort,completed_count,completed_mw,withdrawn_count,withdrawn_mw,unresolved_count,unresolved_mw,completion_rate,completion_rate_by_count,basis,complete";

    [Fact]
    public void Read_QueueTables_KeepsActiveProjectsWithADateAndDropsLbnlRowsOfAnIsoReadFromItsFile()
    {
        var (projects, rates) = NewTables();
        File.WriteAllLines(projects,
        [
            ProjectsHeader,
            "PJM,AB1,PA,solar_pv,100,2021-03-01,2031-06-01,active,pjm,True",
            "PJM,AB1-LBNL,PA,solar_pv,100,2021-03-01,2031-06-01,active,lbnl,True",
            "PJM,AB2,PA,solar_pv,90,2021-03-01,2031-06-01,withdrawn,pjm,True",
            "PJM,AB3,PA,solar_pv,80,,,active,pjm,True",
            "Duke,D1,NC,battery_storage,50,,2032-01-01,active,lbnl,True",
        ]);
        File.WriteAllLines(rates, [RatesHeader, "PJM,solar_pv,2021,3,300,9,900,4,400,0.25,0.25,measured,True", "Duke,battery_storage,unknown,0,0,0,0,1,50,,,measured,True"]);

        var read = QueueTailReader.Read(projects, rates);

        Assert.Null(read.Missing);
        Assert.Empty(read.IncompleteRegions);
        Assert.Equal([new QueueTailProject("PJM", "PA", "solar_pv", 100, 2031, "2021"), new QueueTailProject("Duke", "NC", "battery_storage", 50, 2032, "unknown")], read.Projects);
        Assert.Equal(new QueueTailRate("PJM", "solar_pv", "2021", 3, 300, 9, 900, 0.25), read.Rates[0]);
        Assert.Null(read.Rates[1].CompletionRate);
    }

    [Fact]
    public void Read_AQueueWithCompleteFalse_NamesItAsReadInPart()
    {
        var (projects, rates) = NewTables();
        File.WriteAllLines(projects, [ProjectsHeader, "SPP,G1,OK,onshore_wind,200,2020-01-01,2031-01-01,active,lbnl,False", "PJM,AB1,PA,solar_pv,100,2021-03-01,2031-06-01,active,pjm,True"]);
        File.WriteAllLines(rates, [RatesHeader]);

        var read = QueueTailReader.Read(projects, rates);

        Assert.Equal(["SPP"], read.IncompleteRegions);
    }

    [Fact]
    public void Read_NoQueueProjects_SaysTheRunPublishedNone()
    {
        var read = QueueTailReader.Read(null, Path.Combine(Repository.NewTempFolder(), "queue_completion_rates.csv"));

        Assert.Equal("the run published no queue_projects", read.Missing);
        Assert.Empty(read.Projects);
    }

    [Fact]
    public void Read_HybridComponents_ClassesEachFromTheGenerationTypeInOrder()
    {
        var (projects, rates) = NewTables();
        File.WriteAllLines(projects,
        [
            ProjectsHeader + ",generation_type,component_2_mw,component_3_mw",
            "PJM,H1,PA,solar_pv,200,2021-03-01,2031-06-01,active,lbnl,True,Solar+Battery,100,",
            "PJM,H2,PA,solar_pv,150,2021-03-01,2031-06-01,active,lbnl,True,Solar+Wind+Battery,100,200",
            "PJM,H3,PA,unknown,10,2021-03-01,2031-06-01,active,lbnl,True,Hybrid,5,",
            "PJM,S1,PA,solar_pv,80,2021-03-01,2031-06-01,active,lbnl,True,Solar,,",
        ]);
        File.WriteAllLines(rates, [RatesHeader]);

        var read = QueueTailReader.Read(projects, rates);

        Assert.Equal(
            [
                [new QueueTailComponent("battery_storage", 100)],
                [new QueueTailComponent("onshore_wind", 100), new QueueTailComponent("battery_storage", 200)],
                [new QueueTailComponent("unknown", 5)],
                null,
            ],
            read.Projects.Select(p => p.Further?.ToArray()));
        Assert.Equal([300.0, 450.0, 15.0, 80.0], read.Projects.Select(p => p.TotalMw));
    }

    [Fact]
    public void Read_ComponentClassColumns_OutrankTheGenerationTypesOrder()
    {
        var (projects, rates) = NewTables();
        File.WriteAllLines(projects,
        [
            ProjectsHeader + ",generation_type,component_2_mw,component_3_mw,component_2_class,component_3_class",
            // the published class wins over the type's order; an empty one falls back to the type
            "PJM,H1,PA,solar_pv,200,2021-03-01,2031-06-01,active,lbnl,True,Battery+Solar+Wind,100,50,battery_storage,",
            "PJM,H2,PA,solar_pv,200,2021-03-01,2031-06-01,active,lbnl,True,Solar+Battery,100,,unknown,",
        ]);
        File.WriteAllLines(rates, [RatesHeader]);

        var read = QueueTailReader.Read(projects, rates);

        Assert.Equal(
            [
                [new QueueTailComponent("battery_storage", 100), new QueueTailComponent("onshore_wind", 50)],
                [new QueueTailComponent("unknown", 100)],
            ],
            read.Projects.Select(p => p.Further?.ToArray()));
    }

    /// <summary>Paths for the two tables in a new folder.</summary>
    private static (string Projects, string Rates) NewTables()
    {
        var folder = Repository.NewTempFolder();
        return (Path.Combine(folder, "queue_projects.csv"), Path.Combine(folder, "queue_completion_rates.csv"));
    }
}
