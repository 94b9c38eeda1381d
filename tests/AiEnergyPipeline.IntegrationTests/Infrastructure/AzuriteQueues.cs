using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Queues;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// The real Azurite queue service the fan-out tests talk to. ./test.sh starts it and sets
/// AIENERGY_TEST_QUEUE_CONNECTION; a plain `dotnet test` starts it here from tools/azurite when it
/// is installed there.
/// </summary>
public static class AzuriteQueues
{
    public const string ConnectionVariable = "AIENERGY_TEST_QUEUE_CONNECTION";
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly Lazy<string> Connection = new(Resolve);

    public static string ConnectionString => Connection.Value;

    /// <summary>A unique queue name (not created: the app creates its queue on first use).</summary>
    public static string NewQueueName() => "q" + Guid.NewGuid().ToString("N");

    /// <summary>A client that decodes base64 as the Functions host does before it calls the function.</summary>
    public static QueueClient Client(string queueName) =>
        new(ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var executable = Path.Combine(TestPaths.RepositoryRoot, "tools", "azurite", "node_modules", ".bin", "azurite-queue");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite's queue service is not running and not installed: run ./test.sh (it installs and starts Azurite), or set {ConnectionVariable}.");
        }

        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo(executable)
        {
            ArgumentList = { "--queueHost", "127.0.0.1", "--queuePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", TestPaths.NewTempFolder(), "--skipApiVersionCheck", "--disableTelemetry", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => process.Kill(entireProcessTree: true);
        WaitForPort(port, process);
        return $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitForPort(int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite's queue service exited at start: {process.StandardError.ReadToEnd()}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new InvalidOperationException($"Azurite's queue service did not listen on port {port} within 30 s.");
    }
}
