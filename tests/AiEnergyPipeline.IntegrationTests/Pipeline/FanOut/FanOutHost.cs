using AiEnergyPipeline.Functions;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.FanOut;

/// <summary>
/// One Functions instance with the queue fan-out on, over an Azurite container and an Azurite queue
/// that several instances share. Tests call the function classes directly, as the host would, and
/// play the host's queue listener with <see cref="DrainAsync"/>.
/// </summary>
internal sealed class FanOutHost : IAsyncDisposable
{
    private FanOutHost(ServiceProvider services, FakeTimeProvider time, CapturedLogs logs, string queueName)
    {
        Services = services;
        Time = time;
        Logs = logs;
        QueueName = queueName;
    }

    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }
    public CapturedLogs Logs { get; }
    public string QueueName { get; }
    public IDatasetStore Store => Services.GetRequiredService<IDatasetStore>();
    public FanOutWorkState Work => Services.GetRequiredService<FanOutWorkState>();
    public QueueClient Queue => AzuriteQueues.Client(QueueName);

    /// <param name="script">A test ingest's script; null for the app's own IPartitionedIngest over the bundled snapshot.</param>
    /// <param name="configure">Further changes to the composition, such as a logging provider.</param>
    public static FanOutHost Create(string container, string queueName, TestIngestScript? script, DateTimeOffset? now = null, Action<IServiceCollection>? configure = null)
    {
        var settings = TestPipeline.BlobStore(container);
        settings["Ingest:FanOut"] = "Queue";
        settings["IngestQueue"] = AzuriteQueues.ConnectionString;
        settings["INGEST_QUEUE_NAME"] = queueName;
        settings["INGEST_SCHEDULE"] = "0 0 6 * * *";
        var time = new FakeTimeProvider(now ?? TestPipeline.Now);
        var logs = new CapturedLogs();
        var services = TestPipeline.Build(settings, time, logs, services =>
        {
            if (script is not null)
            {
                services.AddSingleton(script);
                services.AddTransient<IPartitionedIngest, TestPartitionedIngest>();
            }

            configure?.Invoke(services);
        });
        return new FanOutHost(services, time, logs, queueName);
    }

    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    public HttpRequest Post() => new DefaultHttpContext { RequestServices = Services, Request = { Method = "POST" } }.Request;

    /// <summary>Plays the Functions host's queue listener: takes messages one at a time, calls IngestPartition, deletes each message it handled, until the plan has completed and nothing is visible.</summary>
    public async Task DrainAsync(string planId)
    {
        var function = Function<IngestPartitionFunction>();
        var queue = Queue;
        // A safety net only: a healthy drain ends as soon as the plan has completed.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            QueueMessage[] messages = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).Value;
            if (messages.Length == 0)
            {
                if (await Work.ReadOutcomeAsync(planId, CancellationToken.None) is not null)
                {
                    return;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Plan {planId} did not complete: {Logs.All}");
                }

                await Task.Delay(20);
                continue;
            }

            await function.RunAsync(messages[0], CancellationToken.None);
            await queue.DeleteMessageAsync(messages[0].MessageId, messages[0].PopReceipt);
        }
    }

    /// <summary>Every message now visible on the queue, taken off it (deleted), parsed.</summary>
    public async Task<List<(IngestMessage Message, QueueMessage Raw)>> TakeAllAsync()
    {
        var taken = new List<(IngestMessage, QueueMessage)>();
        while (true)
        {
            QueueMessage[] messages = (await Queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            if (messages.Length == 0)
            {
                return taken;
            }

            foreach (var message in messages)
            {
                taken.Add((IngestMessage.Parse(message.Body.ToString()), message));
                await Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    /// <summary>The runs that were published (have a data package), by id.</summary>
    public async Task<List<string>> PublishedRunsAsync()
    {
        var runs = new List<string>();
        await foreach (var item in Store.ListAsync("runs/"))
        {
            if (item.Path.EndsWith("/datapackage.json", StringComparison.Ordinal))
            {
                runs.Add(item.Path.Split('/')[1]);
            }
        }

        return runs;
    }

    /// <summary>The plans started in this store, in order of id (which is the order of time).</summary>
    public async Task<List<string>> PlansAsync()
    {
        var plans = new List<string>();
        await foreach (var item in Store.ListAsync(FanOutWorkState.Root + "/"))
        {
            if (item.Path.EndsWith("/plan.json", StringComparison.Ordinal))
            {
                plans.Add(item.Path.Split('/')[1]);
            }
        }

        return plans;
    }

    public async Task<string?> LatestRunIdAsync() =>
        (await Services.GetRequiredService<RunPublisher>().ReadLatestAsync(CancellationToken.None)).Pointer?.RunId;

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
