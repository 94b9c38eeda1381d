using System.Net;
using System.Net.Sockets;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>A loopback port that nothing listens on: a storage service that is down answers a connection with a refusal.</summary>
internal static class ClosedPort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A connection string of Azurite's development account whose blob service is on a closed port.</summary>
    public static string BlobConnectionString() =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + $"BlobEndpoint=http://127.0.0.1:{Next()}/devstoreaccount1;";
}
