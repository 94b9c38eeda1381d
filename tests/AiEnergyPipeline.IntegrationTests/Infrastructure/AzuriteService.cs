using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// One Azurite service (blob or queue) for the tests: the connection ./test.sh exports in
/// <c>connectionVariable</c>, or else the service started here from tools/azurite on a free
/// loopback port, stopped when the test process exits.
/// </summary>
internal static class AzuriteService
{
    // The well-known development account of Azurite: not a secret.
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <param name="service">blob or queue: names the executable (azurite-blob), its options (--blobHost) and the endpoint (BlobEndpoint).</param>
    public static string Resolve(string service, string connectionVariable)
    {
        if (Environment.GetEnvironmentVariable(connectionVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var executable = Path.Combine(TestPaths.RepositoryRoot, "tools", "azurite", "node_modules", ".bin", "azurite-" + service);
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite's {service} service is not running and not installed: run ./test.sh (it installs and starts Azurite), or set {connectionVariable}.");
        }

        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo(executable)
        {
            ArgumentList = { $"--{service}Host", "127.0.0.1", $"--{service}Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", TestPaths.NewTempFolder(), "--skipApiVersionCheck", "--disableTelemetry", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => process.Kill(entireProcessTree: true);
        WaitForPort(service, port, process);
        var endpoint = char.ToUpperInvariant(service[0]) + service[1..] + "Endpoint";
        return $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};{endpoint}=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitForPort(string service, int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite's {service} service exited at start: {process.StandardError.ReadToEnd()}");
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

        throw new InvalidOperationException($"Azurite's {service} service did not listen on port {port} within 30 s.");
    }
}
