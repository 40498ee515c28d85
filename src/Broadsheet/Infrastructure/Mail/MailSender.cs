using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace Broadsheet.Infrastructure.Mail;

/// <summary>
/// Hands mail to the configured SMTP server. "Sent" here means the server accepted the message
/// (250 after DATA); whether it reaches the inbox is the server's business from then on.
/// With no server configured, "sent" means written to the <see cref="MailFolder"/>.
/// </summary>
public sealed class MailSender(SmtpOptions options, MailFolder folder, TimeProvider clock, ILogger<MailSender> log)
{
    public MailboxAddress From => new(options.FromName, options.FromAddress);

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        await using var session = await OpenAsync(ct);
        await session.SendAsync(message, ct);
    }

    /// <summary>One connection for many messages (a digest pass keeps one for all its batches): a handshake per message would dominate.</summary>
    public async Task<MailSession> OpenAsync(CancellationToken ct)
    {
        if (!options.Configured) return new MailSession(null, this);
        var client = new SmtpClient { Timeout = Math.Max(1, options.TimeoutSeconds) * 1000 };
        Socket? socket = null;
        try
        {
            socket = await ConnectAsync(ct);
            await client.ConnectAsync(socket, options.Host!, options.Port, options.Security, ct);
            if (options.Username is { Length: > 0 } user)
                await client.AuthenticateAsync(user, options.Password ?? "", ct);
            return new MailSession(client, this);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            client.Dispose();
            socket?.Dispose();
            throw Classify(e);
        }
    }

    /// <summary>
    /// The TCP connection MailKit then speaks SMTP over, with Nagle's algorithm off (MailKit leaves it on). A message
    /// ends with a short write (the ".") after its body; with Nagle on, that write waits for the server to ACK the
    /// body, and servers delay ACKs by up to 40 ms: about 25 messages a second on one connection whatever the CPU.
    /// </summary>
    private async Task<Socket> ConnectAsync(CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connecting.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)));
        try
        {
            await socket.ConnectAsync(options.Host!, options.Port, connecting.Token);
            return socket;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"No connection to {options.Host}:{options.Port} within {options.TimeoutSeconds} s");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    internal void Stamp(MimeMessage message)
    {
        if (message.From.Count == 0) message.From.Add(From);
        message.Date = clock.GetUtcNow();
        if (message.MessageId is null) message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(options.FromAddress.Split('@').Last());
    }

    internal async Task FileAsync(MimeMessage message, CancellationToken ct)
    {
        string file;
        try { file = await folder.WriteAsync(message, ct); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new MailNotSentException(e.Message, temporary: true, e); }
        log.LogInformation("No SMTP server configured: mail to {To} written to {File}", string.Join(", ", message.To.Mailboxes.Select(m => m.Address)), file);
    }

    internal MailNotSentException Classify(Exception e)
    {
        var failure = e switch
        {
            MailNotSentException known => known,
            SmtpCommandException c => new MailNotSentException($"{(int)c.StatusCode} {c.Message}", (int)c.StatusCode is >= 400 and < 500, c),
            SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException
                => new MailNotSentException(e.Message, temporary: true, e),
            MailKit.Security.AuthenticationException => new MailNotSentException(e.Message, temporary: false, e),
            _ => new MailNotSentException(e.Message, temporary: true, e),
        };
        log.LogWarning("SMTP {Kind} failure: {Message}", failure.IsTemporary ? "temporary" : "permanent", failure.Message);
        return failure;
    }
}

/// <summary>An open SMTP connection (none when mail goes to the folder). A message is accepted once <see cref="SendAsync"/> returns.</summary>
public sealed class MailSession(SmtpClient? client, MailSender sender) : IAsyncDisposable
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        sender.Stamp(message);
        if (client is null)
        {
            await sender.FileAsync(message, ct);
            return;
        }
        try { await client.SendAsync(message, ct); }
        catch (Exception e) when (e is not OperationCanceledException) { throw sender.Classify(e); }
    }

    public async ValueTask DisposeAsync()
    {
        if (client is null) return;
        try { if (client.IsConnected) await client.DisconnectAsync(quit: true); }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException) { }
        client.Dispose();
    }
}
