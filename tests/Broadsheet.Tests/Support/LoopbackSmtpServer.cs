using System.Globalization;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Broadsheet.Tests.Support;

/// <summary>
/// A real SMTP server on 127.0.0.1, just enough of RFC 5321 (EHLO/HELO, MAIL, RCPT, DATA, RSET,
/// NOOP, QUIT, and SMTPUTF8 addresses) for the app's MailKit client to deliver to it. It keeps what it accepted, parsed
/// with MimeKit, and can be told to answer 451 for a while to exercise the app's retries.
/// Every read is bounded by a timeout, and disposing it closes every connection.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);
    private const int MaxMessageBytes = 10 * 1024 * 1024;

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private readonly List<Task> connections = [];
    private readonly Lock gate = new();
    private readonly Task accepting;
    private int failNext;
    private int? acceptBudget;
    private int? stallAt;
    private int acceptedCount;

    public LoopbackSmtpServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>How long each accepted message waits for its 250, as on a slow relay: two senders racing over the same work then overlap.</summary>
    public TimeSpan AnswerDelay { get; set; }

    public IReadOnlyList<ReceivedMail> Received => [.. received];

    /// <summary>The settings that point the app at this server.</summary>
    public void Configure(BroadsheetApp app)
    {
        app.Settings["Broadsheet:Smtp:Host"] = "127.0.0.1";
        app.Settings["Broadsheet:Smtp:Port"] = Port.ToString(CultureInfo.InvariantCulture);
        app.Settings["Broadsheet:Smtp:Security"] = "None";
        app.Settings["Broadsheet:Smtp:FromAddress"] = "news@broadsheet.test";
        app.Settings["Broadsheet:Smtp:FromName"] = "The Daily Test";
        app.Settings["Broadsheet:Smtp:TimeoutSeconds"] = "5";
    }

    /// <summary>The next <paramref name="messages"/> messages get "451 try again later" after their DATA.</summary>
    public void FailNext(int messages) { lock (gate) failNext = messages; }

    /// <summary>Accepts <paramref name="messages"/> more messages, then answers 451 to all until <see cref="AcceptAll"/>.</summary>
    public void AcceptOnly(int messages) { lock (gate) acceptBudget = messages; }

    public void AcceptAll() { lock (gate) { acceptBudget = null; failNext = 0; } }

    /// <summary>
    /// The <paramref name="nth"/> message is received and kept but never answered, as when a server takes a message
    /// and the connection dies before its 250 arrives: the sender cannot know it went. Later messages are answered.
    /// </summary>
    public void StallAt(int nth) { lock (gate) stallAt = nth; }

    public List<ReceivedMail> To(string address) =>
        [.. received.Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase))];

    public async Task<ReceivedMail> WaitForMailToAsync(string address, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var mails = To(address);
            if (mails.Count >= count) return mails[count - 1];
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"No mail #{count} to {address} within 10 s; got {received.Count} in all");
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stopping.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            lock (gate) connections.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.Latin1);
        var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        string? from = null;
        var recipients = new List<string>();
        try
        {
            await writer.WriteLineAsync("220 loopback ESMTP ready");
            while (true)
            {
                var line = await ReadLineAsync(reader, timeout);
                if (line is null) return;
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-loopback");
                        await writer.WriteLineAsync("250-8BITMIME");
                        await writer.WriteLineAsync("250-SMTPUTF8");
                        await writer.WriteLineAsync($"250 SIZE {MaxMessageBytes}");
                        break;
                    case "HELO": await writer.WriteLineAsync("250 loopback"); break;
                    case "MAIL": from = Address(line); recipients.Clear(); await writer.WriteLineAsync("250 2.1.0 OK"); break;
                    case "RCPT":
                        if (from is null) { await writer.WriteLineAsync("503 5.5.1 MAIL first"); break; }
                        recipients.Add(Address(line));
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        if (recipients.Count == 0) { await writer.WriteLineAsync("503 5.5.1 RCPT first"); break; }
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = await ReadDataAsync(reader, timeout);
                        if (data is null) return;
                        if (TakeFailure()) await writer.WriteLineAsync("451 4.3.0 Try again later");
                        else
                        {
                            var message = await MimeMessage.LoadAsync(new MemoryStream(data));
                            received.Enqueue(new ReceivedMail(from!, [.. recipients], message));
                            bool stall;
                            lock (gate) stall = ++acceptedCount == stallAt;
                            if (stall) await Task.Delay(Timeout.Infinite, stopping.Token);
                            if (AnswerDelay > TimeSpan.Zero) await Task.Delay(AnswerDelay, stopping.Token);
                            await writer.WriteLineAsync("250 2.0.0 Queued");
                        }
                        from = null; recipients.Clear();
                        break;
                    case "RSET": from = null; recipients.Clear(); await writer.WriteLineAsync("250 2.0.0 OK"); break;
                    case "NOOP": await writer.WriteLineAsync("250 2.0.0 OK"); break;
                    case "QUIT": await writer.WriteLineAsync("221 2.0.0 Bye"); return;
                    default: await writer.WriteLineAsync("502 5.5.2 Command not implemented"); break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException) { }
    }

    private bool TakeFailure()
    {
        lock (gate)
        {
            if (failNext > 0) { failNext--; return true; }
            if (acceptBudget is { } budget)
            {
                if (budget <= 0) return true;
                acceptBudget = budget - 1;
            }
            return false;
        }
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationTokenSource stop)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        limit.CancelAfter(ReadTimeout);
        return await reader.ReadLineAsync(limit.Token);
    }

    /// <summary>Reads up to the lone "." line, undoing dot-stuffing, as RFC 5321 §4.5.2 says.</summary>
    private static async Task<byte[]?> ReadDataAsync(StreamReader reader, CancellationTokenSource stop)
    {
        var data = new MemoryStream();
        while (true)
        {
            var line = await ReadLineAsync(reader, stop);
            if (line is null) return null;
            if (line == ".") return data.ToArray();
            if (line.StartsWith('.')) line = line[1..];
            var bytes = Encoding.Latin1.GetBytes(line + "\r\n");
            if (data.Length + bytes.Length > MaxMessageBytes) return null;
            data.Write(bytes);
        }
    }

    /// <summary>The path's address; lines are read as Latin-1 so DATA stays byte for byte, and an SMTPUTF8 address is UTF-8 (RFC 6531).</summary>
    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        var address = start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':') + 1)..].Trim();
        return Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(address));
    }

    private int disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        stopping.Cancel();
        listener.Stop();
        Task[] open;
        lock (gate) open = [accepting, .. connections];
        await Task.WhenAll(open).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        stopping.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

public sealed record ReceivedMail(string From, List<string> Recipients, MimeMessage Message)
{
    public string Html => Message.HtmlBody ?? "";
    public string Text => Message.TextBody ?? "";
    public string? Header(string name) => Message.Headers[name];
}
