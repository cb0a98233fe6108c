using System.Net;
using System.Net.Sockets;

namespace ThreatCrowd.Batch.Tests.Support;

/// <summary>A loopback port nothing listens on (asked of the OS, then released), for connection-refused cases.</summary>
internal static class FreePort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
