using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Broadsheet.BrowserTests.Support;

/// <summary>
/// A small SMTP server on loopback that accepts every message and keeps its raw text, so a browser
/// test can follow a link the app mailed. Enough SMTP for MailKit without TLS or authentication.
/// </summary>
public sealed class MailCatcher : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<string> received = new();
    private readonly CancellationTokenSource stop = new();

    public MailCatcher()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The first link starting with <paramref name="prefix"/> in a mail to <paramref name="to"/>, waiting for the mail to come.</summary>
    public async Task<string> LinkAsync(string to, string prefix)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var raw in received.Where(m => m.Contains(to, StringComparison.OrdinalIgnoreCase)))
            {
                // Decoded by MimeKit: a Russian mail's parts come base64-encoded, an English one's quoted-printable.
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw));
                var message = await MimeKit.MimeMessage.LoadAsync(stream);
                var text = message.TextBody + "\n" + message.HtmlBody;
                var word = text.Split([' ', '\r', '\n', '"', '<', '>'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.StartsWith(prefix, StringComparison.Ordinal));
                if (word is not null) return WebUtility.HtmlDecode(word);
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail to {to} with a link to {prefix}; {received.Count} mails in all");
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 catcher ready");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO": await writer.WriteLineAsync("250 catcher"); break;
                case "DATA":
                    await writer.WriteLineAsync("354 go ahead");
                    var message = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } data && data != ".") message.Append(data).Append("\r\n");
                    received.Enqueue(message.ToString());
                    await writer.WriteLineAsync("250 kept");
                    break;
                case "QUIT": await writer.WriteLineAsync("221 bye"); return;
                default: await writer.WriteLineAsync("250 ok"); break;
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}
