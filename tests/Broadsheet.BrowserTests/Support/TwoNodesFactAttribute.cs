using System.Net.Sockets;

namespace Broadsheet.BrowserTests.Support;

/// <summary>A browser test over two app nodes: skipped where PostgreSQL (55432) or Redis (56379) does not answer on loopback.</summary>
public sealed class TwoNodesFactAttribute : FactAttribute
{
    public TwoNodesFactAttribute()
    {
        if (!Answers(55432) || !Answers(56379)) Skip = "Needs PostgreSQL on 127.0.0.1:55432 and Redis on 127.0.0.1:56379 (tests/services/start.sh).";
    }

    private static bool Answers(int port)
    {
        using var client = new TcpClient();
        try { return client.ConnectAsync("127.0.0.1", port).Wait(TimeSpan.FromSeconds(2)) && client.Connected; }
        catch (AggregateException) { return false; }
    }
}
