using System.Threading.Channels;
using MimeKit;

namespace Broadsheet.Infrastructure.Mail;

/// <summary>
/// Mail that a page hands off instead of sending while the visitor waits. Two reasons: an SMTP
/// conversation takes tens of milliseconds, and whether one happens must not show in how fast the
/// page answers (a password reset for an address with an account would otherwise be slower than
/// one for an address without). The page posts a letter: a function that, in a scope of its own,
/// looks up what it needs and writes the message, or decides there is nothing to send.
/// <para>
/// The queue lives in this process. A temporary SMTP failure is retried (<see cref="RetryWaits"/>);
/// a letter that still cannot go, or fails for good, is logged as an error with its purpose, never
/// dropped quietly. On shutdown the queue is closed and drained before the host stops; a letter
/// posted after that is sent on the caller's path. A crash loses what was queued: these letters
/// are links a reader can ask for again, not records.
/// </para>
/// </summary>
public sealed class MailOutbox(IServiceScopeFactory scopes, MailSender sender, TimeProvider clock, ILogger<MailOutbox> log) : BackgroundService
{
    /// <summary>Waits between tries after a temporary failure; during shutdown a letter gets one more try at once instead.</summary>
    public static readonly TimeSpan[] RetryWaits = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    private readonly Channel<Letter> queue = Channel.CreateUnbounded<Letter>(new UnboundedChannelOptions { SingleReader = true });
    // Never disposed: the host may stop this service after disposing it, and a source without a timer holds nothing.
    private readonly CancellationTokenSource draining = new();
    private int pending;

    /// <summary>Letters posted and not yet sent or given up on.</summary>
    public int Pending => Volatile.Read(ref pending);

    public void Post(string purpose, Func<IServiceProvider, CancellationToken, Task<MimeMessage?>> compose)
    {
        var letter = new Letter(purpose, compose);
        Interlocked.Increment(ref pending);
        if (queue.Writer.TryWrite(letter)) return;
        // The host is stopping and the queue is closed: better late on this request than never.
        _ = DeliverAsync(letter, CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Reads until the queue is closed and empty; stopping closes it (StopAsync), so what was
        // queued still goes out.
        await foreach (var letter in queue.Reader.ReadAllAsync(CancellationToken.None))
            await DeliverAsync(letter, CancellationToken.None);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        draining.Cancel();
        if (ExecuteTask is not { } running) return;
        // The host's shutdown timeout bounds the drain; what is left then is logged by the letters themselves.
        try { await running.WaitAsync(cancellationToken); }
        catch (OperationCanceledException) { log.LogError("Shutdown cut the mail outbox short with {Count} letters unsent", Pending); }
    }

    private async Task DeliverAsync(Letter letter, CancellationToken ct)
    {
        try
        {
            MimeMessage? message;
            await using (var scope = scopes.CreateAsyncScope())
                message = await letter.Compose(scope.ServiceProvider, ct);
            if (message is null) return;
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await sender.SendAsync(message, ct);
                    return;
                }
                catch (MailNotSentException e) when (e.IsTemporary && attempt < RetryWaits.Length)
                {
                    log.LogWarning("Mail ({Purpose}) not accepted yet, try {Attempt}: {Reason}", letter.Purpose, attempt + 1, e.Message);
                    if (!draining.IsCancellationRequested)
                    {
                        try { await Task.Delay(RetryWaits[attempt], clock, draining.Token); }
                        catch (OperationCanceledException) { }
                    }
                    else if (attempt > 0) throw;
                }
            }
        }
        catch (Exception e)
        {
            log.LogError(e, "Mail ({Purpose}) was not sent and is given up", letter.Purpose);
        }
        finally { Interlocked.Decrement(ref pending); }
    }

    private sealed record Letter(string Purpose, Func<IServiceProvider, CancellationToken, Task<MimeMessage?>> Compose);
}
