using AiEnergyPipeline.Functions;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.FanOut;

/// <summary>The queue fan-out against real Azurite blob and queue services, with the function classes called as the host would.</summary>
public class FanOutTests
{
    private static async Task<JsonElement> ReportAsync(FanOutHost host, string runId)
    {
        await using var stored = await host.Store.OpenReadAsync(RunPublisher.ReportPath(runId));
        Assert.NotNull(stored);
        return (await JsonDocument.ParseAsync(stored.Content)).RootElement.Clone();
    }

    [Fact]
    public async Task IngestAndPublish_QueueFanOutDrainedByTwoWorkers_PublishesOneRunThatIsLatest()
    {
        var (container, queue) = (Azurite.NewContainer().Name, AzuriteQueues.NewQueueName());
        var script = new TestIngestScript(6);
        await using var timerInstance = FanOutHost.Create(container, queue, script);
        await using var worker1 = FanOutHost.Create(container, queue, script);
        await using var worker2 = FanOutHost.Create(container, queue, script);

        await timerInstance.Function<IngestAndPublishFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        var plan = Assert.Single(await timerInstance.PlansAsync());
        var enqueued = (await timerInstance.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        Assert.Empty(await timerInstance.PublishedRunsAsync());
        await Task.WhenAll(Task.Run(() => worker1.DrainAsync(plan)), Task.Run(() => worker2.DrainAsync(plan)));

        Assert.Equal(6, enqueued);
        var run = Assert.Single(await timerInstance.PublishedRunsAsync());
        Assert.Equal(run, await timerInstance.LatestRunIdAsync());
        Assert.Equal(6, script.Processed.Count);
        Assert.Equal(6, script.Processed.Distinct().Count());
        Assert.Equal(plan, Assert.Single(script.Completed));
        var outcome = await timerInstance.Work.ReadOutcomeAsync(plan, CancellationToken.None);
        Assert.Equal((RunStatus.Published, run), (outcome!.Status, outcome.RunId));
        Assert.Equal("Published", (await ReportAsync(timerInstance, run)).GetProperty("status").GetString(), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task IngestPartition_EveryMessageDeliveredTwice_ProcessesEachPartitionOnceAndPublishesOneRun()
    {
        var script = new TestIngestScript(3);
        await using var host = FanOutHost.Create(Azurite.NewContainer().Name, AzuriteQueues.NewQueueName(), script);
        var function = host.Function<IngestPartitionFunction>();

        await host.Function<IngestAndPublishFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        var plan = Assert.Single(await host.PlansAsync());
        var completions = 0;
        for (var round = 0; round < 3; round++)
        {
            foreach (var (message, raw) in await host.TakeAllAsync())
            {
                // At least once: the same message twice, the second as a redelivery.
                await function.RunAsync(raw, CancellationToken.None);
                await function.RunAsync(Azure.Storage.Queues.Models.QueuesModelFactory.QueueMessage(raw.MessageId, raw.PopReceipt, raw.Body, raw.DequeueCount + 1), CancellationToken.None);
                completions += message.Kind == IngestMessageKind.Complete ? 1 : 0;
            }
        }

        Assert.True(completions >= 1);
        Assert.Equal(3, script.Processed.Count);
        Assert.Equal(plan, Assert.Single(script.Completed));
        var run = Assert.Single(await host.PublishedRunsAsync());
        Assert.Equal(run, await host.LatestRunIdAsync());
        Assert.Contains(host.Logs.Lines, l => l.Contains("already completed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IngestAndPublish_TimerFiresTwiceForOneOccurrence_StartsOneRun()
    {
        var (container, queue) = (Azurite.NewContainer().Name, AzuriteQueues.NewQueueName());
        var script = new TestIngestScript(4);
        await using var first = FanOutHost.Create(container, queue, script, TestPipeline.Now);
        await using var second = FanOutHost.Create(container, queue, script, TestPipeline.Now.AddSeconds(40));

        await Task.WhenAll(
            first.Function<IngestAndPublishFunction>().RunAsync(new TimerInfo(), CancellationToken.None),
            second.Function<IngestAndPublishFunction>().RunAsync(new TimerInfo { IsPastDue = true }, CancellationToken.None));
        var plan = Assert.Single(await first.PlansAsync());
        var enqueued = (await first.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        await first.DrainAsync(plan);

        Assert.Equal(4, enqueued);
        Assert.Contains(first.Logs.Lines.Concat(second.Logs.Lines), l => l.Contains("already started plan " + plan, StringComparison.Ordinal));
        Assert.Single(await first.PublishedRunsAsync());
        Assert.Equal(4, script.Processed.Count);
    }

    [Fact]
    public async Task IngestPartition_PartitionFails_RunFailsWithAReportNamingItAndLatestUnchanged()
    {
        var (container, queue) = (Azurite.NewContainer().Name, AzuriteQueues.NewQueueName());
        await using var good = FanOutHost.Create(container, queue, new TestIngestScript(3));
        await good.Function<IngestAndPublishFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        await good.DrainAsync(Assert.Single(await good.PlansAsync()));
        var lastGood = await good.LatestRunIdAsync();
        var script = new TestIngestScript(3, "p1");
        await using var failing = FanOutHost.Create(container, queue, script, TestPipeline.Now.AddDays(1));

        await failing.Function<IngestAndPublishFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        var plan = (await failing.PlansAsync()).Last();
        await failing.DrainAsync(plan);

        Assert.NotNull(lastGood);
        Assert.Equal(lastGood, await failing.LatestRunIdAsync());
        Assert.Empty(script.Completed);
        var outcome = await failing.Work.ReadOutcomeAsync(plan, CancellationToken.None);
        Assert.Equal(RunStatus.Failed, outcome!.Status);
        var report = await ReportAsync(failing, outcome.RunId);
        Assert.Equal("failed", report.GetProperty("status").GetString());
        Assert.Contains("partition test/p1 failed: p1.csv: the source answered 503", report.GetProperty("message").GetString(), StringComparison.Ordinal);
        var source = Assert.Single(report.GetProperty("sources").EnumerateArray());
        Assert.Equal(("test", "failed"), (source.GetProperty("name").GetString(), source.GetProperty("status").GetString()));
        Assert.Contains("partition p1: p1.csv", source.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(await failing.PublishedRunsAsync());
        Assert.Contains(failing.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains(plan, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandlePartition_TwoWorkersSeeEveryPartitionDoneAtOnce_EnqueueOneCompletion()
    {
        var (container, queue) = (Azurite.NewContainer().Name, AzuriteQueues.NewQueueName());
        var script = new TestIngestScript(2);
        await using var worker1 = FanOutHost.Create(container, queue, script);
        await using var worker2 = FanOutHost.Create(container, queue, script);
        var start = await worker1.Services.GetRequiredService<FanOutCoordinator>().StartAsync("test", null, CancellationToken.None);
        var messages = await worker1.TakeAllAsync();
        var plan = await worker1.Work.ReadPlanAsync(start.PlanId, CancellationToken.None);
        // Both markers are in before either worker looks: each sees every partition done.
        foreach (var partition in plan.Partitions)
        {
            await worker1.Work.MarkDoneAsync(plan.PlanId, new PartitionOutcome(partition, PartitionStatus.Normalised, 1, null), CancellationToken.None);
        }

        var first = Task.Run(() => worker1.Services.GetRequiredService<FanOutCoordinator>().HandlePartitionAsync(messages[0].Message, new Delivery(1, false), CancellationToken.None));
        var second = Task.Run(() => worker2.Services.GetRequiredService<FanOutCoordinator>().HandlePartitionAsync(messages[1].Message, new Delivery(1, false), CancellationToken.None));
        await Task.WhenAll(first, second);
        var completions = await worker1.TakeAllAsync();

        Assert.Equal(2, messages.Count);
        Assert.Empty(script.Processed);
        var completion = Assert.Single(completions);
        Assert.Equal((IngestMessageKind.Complete, plan.PlanId), (completion.Message.Kind, completion.Message.PlanId));
    }

    [Fact]
    public async Task HandlePartition_ThrowsBeforeTheLastDelivery_RethrowsThenRecordsTheFailureOnTheLast()
    {
        var script = new TestIngestScript(1);
        script.Throwing.Add("p0");
        await using var host = FanOutHost.Create(Azurite.NewContainer().Name, AzuriteQueues.NewQueueName(), script);
        var coordinator = host.Services.GetRequiredService<FanOutCoordinator>();
        var start = await coordinator.StartAsync("test", null, CancellationToken.None);
        var (message, _) = Assert.Single(await host.TakeAllAsync());

        await Assert.ThrowsAsync<IOException>(() => coordinator.HandlePartitionAsync(message, new Delivery(1, false), CancellationToken.None));
        var afterFirst = await host.Work.ReadDoneAsync(start.PlanId, message.Partition!, CancellationToken.None);
        var last = await coordinator.HandlePartitionAsync(message, new Delivery(5, true), CancellationToken.None);
        var (completion, _) = Assert.Single(await host.TakeAllAsync());
        var outcome = await coordinator.HandleCompletionAsync(completion, new Delivery(1, false), CancellationToken.None);

        Assert.Null(afterFirst);
        Assert.Equal(PartitionStatus.Failed, last.Status);
        Assert.Contains("the store is unreachable while writing p0", last.Error, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Failed, outcome!.Status);
        Assert.Contains("partition test/p0 failed: IOException", outcome.Message, StringComparison.Ordinal);
        Assert.Null(await host.LatestRunIdAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task IngestAndPublish_StartStoppedPartWay_ThePastDueFiringOfItsOccurrenceFinishesTheRun(bool planNeverSaved)
    {
        var (container, queue) = (Azurite.NewContainer().Name, AzuriteQueues.NewQueueName());
        var script = new TestIngestScript(3);
        await using var first = FanOutHost.Create(container, queue, script, TestPipeline.Now);
        await first.Function<IngestAndPublishFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        var plan = Assert.Single(await first.PlansAsync());
        // Its enqueues never arrived (the queue refused, the instance died): none of its messages will come.
        await first.TakeAllAsync();
        if (planNeverSaved)
        {
            // It died between claiming the occurrence and saving its plan.
            await first.Store.DeleteAsync(FanOutWorkState.PlanPath(plan));
        }

        await using var restarted = FanOutHost.Create(container, queue, script, TestPipeline.Now.Add(FanOutCoordinator.ResumeAfter).AddMinutes(1));
        await restarted.Function<IngestAndPublishFunction>().RunAsync(new TimerInfo { IsPastDue = true }, CancellationToken.None);
        var enqueued = (await restarted.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        await restarted.DrainAsync(plan);

        Assert.Equal(3, enqueued);
        Assert.Equal([plan], await restarted.PlansAsync());
        Assert.Contains(restarted.Logs.Lines, l => l.Contains($"started plan {plan}, which stopped part-way: 3 partitions enqueued again", StringComparison.Ordinal));
        var run = Assert.Single(await restarted.PublishedRunsAsync());
        Assert.Equal(run, await restarted.LatestRunIdAsync());
    }

    [Fact]
    public async Task IngestAndPublish_AnEarlierPlanNeverCompleted_DoesNotBlockTheNextRun()
    {
        var (container, queue) = (Azurite.NewContainer().Name, AzuriteQueues.NewQueueName());
        var script = new TestIngestScript(2);
        await using var yesterday = FanOutHost.Create(container, queue, script);
        await yesterday.Function<IngestAndPublishFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        // Its messages are lost (taken and never handled): the plan never completes.
        await yesterday.TakeAllAsync();
        await using var today = FanOutHost.Create(container, queue, script, TestPipeline.Now.AddDays(1));

        await today.Function<IngestAndPublishFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        var plans = await today.PlansAsync();
        await today.DrainAsync(plans[1]);

        Assert.Equal(2, plans.Count);
        Assert.Null(await today.Work.ReadOutcomeAsync(plans[0], CancellationToken.None));
        var run = Assert.Single(await today.PublishedRunsAsync());
        Assert.Equal(run, await today.LatestRunIdAsync());
    }

    [Fact]
    public async Task HandleCompletion_AnotherCompletionMessageWhileTheFirstOwnsTheRun_DoesNothingAndTheFirstsRedeliveryPublishes()
    {
        var script = new TestIngestScript(1);
        await using var host = FanOutHost.Create(Azurite.NewContainer().Name, AzuriteQueues.NewQueueName(), script);
        var coordinator = host.Services.GetRequiredService<FanOutCoordinator>();
        var start = await coordinator.StartAsync("test", null, CancellationToken.None);
        var (partition, _) = Assert.Single(await host.TakeAllAsync());
        await coordinator.HandlePartitionAsync(partition, new Delivery(1, false, "partition-1"), CancellationToken.None);
        var (completion, raw) = Assert.Single(await host.TakeAllAsync());
        // The first completion message is taken and its worker dies part-way (it claimed the completion).
        await host.Work.ClaimCompletingAsync(start.PlanId, raw.MessageId, CancellationToken.None);

        var other = await coordinator.HandleCompletionAsync(completion, new Delivery(1, false, "another-message"), CancellationToken.None);
        var publishedMeanwhile = await host.PublishedRunsAsync();
        var redelivered = await coordinator.HandleCompletionAsync(completion, new Delivery(2, false, raw.MessageId), CancellationToken.None);

        Assert.Null(other);
        Assert.Empty(publishedMeanwhile);
        Assert.Equal(RunStatus.Published, redelivered!.Status);
        Assert.Single(script.Completed);
        Assert.Equal(redelivered.RunId, Assert.Single(await host.PublishedRunsAsync()));
    }

    [Fact]
    public async Task HandleCompletion_ItsLastDeliveryFails_GivesUpItsClaimSoThatALaterCompletionPublishes()
    {
        var script = new TestIngestScript(2);
        await using var host = FanOutHost.Create(Azurite.NewContainer().Name, AzuriteQueues.NewQueueName(), script);
        var coordinator = host.Services.GetRequiredService<FanOutCoordinator>();
        var start = await coordinator.StartAsync("test", null, CancellationToken.None);
        var partitions = await host.TakeAllAsync();
        await coordinator.HandlePartitionAsync(partitions[0].Message, new Delivery(1, false, "partition-1"), CancellationToken.None);
        var completion = IngestMessage.ForCompletion(start.PlanId);

        // A completion asked for too early (a partition not done) fails on every delivery; on its last, the queue poisons it.
        var earlier = await Assert.ThrowsAsync<InvalidOperationException>(() => coordinator.HandleCompletionAsync(completion, new Delivery(1, false, "poisoned"), CancellationToken.None));
        var heldMeanwhile = await host.Work.Store.GetInfoAsync(FanOutWorkState.CompletingPath(start.PlanId)) is not null;
        await Assert.ThrowsAsync<InvalidOperationException>(() => coordinator.HandleCompletionAsync(completion, new Delivery(5, true, "poisoned"), CancellationToken.None));
        var heldAfterItsLast = await host.Work.Store.GetInfoAsync(FanOutWorkState.CompletingPath(start.PlanId)) is not null;
        await coordinator.HandlePartitionAsync(partitions[1].Message, new Delivery(1, false, "partition-2"), CancellationToken.None);
        var later = await coordinator.HandleCompletionAsync(completion, new Delivery(1, false, "a later message"), CancellationToken.None);

        Assert.Contains("partitions not done", earlier.Message, StringComparison.Ordinal);
        Assert.True(heldMeanwhile);
        Assert.False(heldAfterItsLast);
        Assert.Contains(host.Logs.Lines, l => l.Contains("the completion is given up", StringComparison.Ordinal));
        Assert.Equal(RunStatus.Published, later!.Status);
        Assert.Equal(later.RunId, Assert.Single(await host.PublishedRunsAsync()));
    }

    [Fact]
    public async Task HandlePartition_RedeliveredAfterItsFirstDeliveryClaimedCompletionAndDied_EnqueuesTheCompletionAgain()
    {
        var script = new TestIngestScript(1);
        await using var host = FanOutHost.Create(Azurite.NewContainer().Name, AzuriteQueues.NewQueueName(), script);
        var coordinator = host.Services.GetRequiredService<FanOutCoordinator>();
        var start = await coordinator.StartAsync("test", null, CancellationToken.None);
        var (message, raw) = Assert.Single(await host.TakeAllAsync());
        // The first delivery got as far as the claim, and no further: no completion message exists.
        await host.Work.MarkDoneAsync(start.PlanId, new PartitionOutcome(message.Partition!, PartitionStatus.Normalised, 1, null), CancellationToken.None);
        await host.Work.ClaimCompletionAsync(start.PlanId, "the first delivery", CancellationToken.None);

        await coordinator.HandlePartitionAsync(message, new Delivery(2, false, raw.MessageId), CancellationToken.None);
        await host.DrainAsync(start.PlanId);

        Assert.Empty(script.Processed);
        Assert.Single(script.Completed);
        Assert.Single(await host.PublishedRunsAsync());
    }

    [Fact]
    public async Task EnqueueAsync_AnyMessage_IsBase64JsonOnTheWireAsTheQueueTriggerExpects()
    {
        await using var host = FanOutHost.Create(Azurite.NewContainer().Name, AzuriteQueues.NewQueueName(), new TestIngestScript(1));
        var message = IngestMessage.ForCompletion("20261127T060000Z-ab12cd34");

        await host.Services.GetRequiredService<IIngestQueue>().EnqueueAsync(message, CancellationToken.None);
        var raw = new Azure.Storage.Queues.QueueClient(AzuriteQueues.ConnectionString, host.QueueName);
        var wire = Assert.Single((await raw.ReceiveMessagesAsync(1)).Value).MessageText;

        Assert.Equal(message.ToJson(), System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(wire)));
        Assert.Equal(message, IngestMessage.Parse(wire));
    }

    [Fact]
    public async Task Ingest_QueueFanOutOverTheAppsOwnPartitionedIngest_Answers202AndTheWorkerPublishesTheSnapshot()
    {
        var (container, queue) = (Azurite.NewContainer().Name, AzuriteQueues.NewQueueName());
        await using var api = FanOutHost.Create(container, queue, script: null);
        await using var worker1 = FanOutHost.Create(container, queue, script: null);
        await using var worker2 = FanOutHost.Create(container, queue, script: null);

        var answer = Assert.IsType<ObjectResult>(await api.Function<IngestFunction>().RunAsync(api.Post(), CancellationToken.None));
        var body = JsonSerializer.SerializeToElement(answer.Value);
        var plan = body.GetProperty("plan_id").GetString()!;
        Assert.Empty(await api.PublishedRunsAsync());
        // Two instances take the partitions (one today; the EIA-930 files once IngestPipeline is partitioned).
        await Task.WhenAll(Task.Run(() => worker1.DrainAsync(plan)), Task.Run(() => worker2.DrainAsync(plan)));

        Assert.Equal(202, answer.StatusCode);
        Assert.Equal("started", body.GetProperty("status").GetString());
        Assert.IsAssignableFrom<IPartitionedIngest>(api.Services.GetRequiredService<IPartitionedIngest>());
        var run = Assert.Single(await api.PublishedRunsAsync());
        Assert.Equal(run, await api.LatestRunIdAsync());
        var report = await ReportAsync(api, run);
        Assert.Equal("http", report.GetProperty("trigger").GetString());
        Assert.Contains(report.GetProperty("tables").EnumerateArray(), t => t.GetProperty("name").GetString() == "ba_hourly" && t.GetProperty("rows").GetInt64() > 0);
        var outcome = await api.Work.ReadOutcomeAsync(plan, CancellationToken.None);
        Assert.Equal(run, outcome!.RunId);
    }
}
