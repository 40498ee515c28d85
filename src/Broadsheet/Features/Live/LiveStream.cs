using System.Buffers;
using System.Globalization;
using System.Text;
using Broadsheet.Infrastructure.Data;

namespace Broadsheet.Features.Live;

/// <summary>
/// One reader's server-sent event stream. Written by hand rather than through TypedResults.ServerSentEvents: that
/// result encodes each item's text to a fresh byte array for every stream, and the bench (bench/live-night.sh, 5,000
/// readers) spent most of a post's cost there and in a heartbeat timer made around every wait. Here an update's
/// event is encoded once per node (<see cref="LiveUpdate.Event"/>), each stream copies those bytes to its socket, and
/// the heartbeat is the wire's one timer (<see cref="LiveWire.Ping"/>).
/// </summary>
internal sealed class LiveStream(int articleId, long since, long latest, LiveEntryHtml html) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var wire = http.RequestServices.GetRequiredService<LiveWire>();
        var options = http.RequestServices.GetRequiredService<LiveOptions>();
        var lifetime = http.RequestServices.GetRequiredService<IHostApplicationLifetime>();
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        // Tells nginx not to hold the stream back in its buffer.
        http.Response.Headers["X-Accel-Buffering"] = "no";

        // Listens before it reads what the page missed, so nothing posted in between is lost; anything heard twice
        // (in the catch-up and on the wire) goes out once.
        using var listener = wire.Listen(articleId);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        bounded.CancelAfter(options.StreamLifetime);
        var ct = bounded.Token;
        var body = http.Response.BodyWriter;
        // Sent, not merely the highest: two nodes' updates may cross on the wire, and the later number must not hide the earlier.
        var sent = new HashSet<long>();
        try
        {
            // Spread over a second retry interval, so readers a node drops together do not all come back together.
            var retry = options.Retry.TotalMilliseconds * (1 + Random.Shared.NextDouble());
            body.Write(Encoding.UTF8.GetBytes($"event: hello\ndata: \nretry: {((long)retry).ToString(CultureInfo.InvariantCulture)}\n\n"));
            // A reader already current (the usual case: a page just loaded, or a stream resumed) costs no query.
            if (since < Math.Max(latest, wire.LatestHeard(articleId)))
            {
                var db = http.RequestServices.GetRequiredService<BroadsheetDb>();
                foreach (var update in await LiveUpdatesApi.ChangedSinceAsync(db, articleId, since, html, ct))
                    if (sent.Add(update.Change)) body.Write(update.Event);
            }
            if ((await body.FlushAsync(ct)).IsCompleted) return;
            // A queue completed for falling behind ends the stream, and the browser resumes from the table.
            while (await listener.Queue.Reader.WaitToReadAsync(ct))
            {
                while (listener.Queue.Reader.TryRead(out var next))
                {
                    if (ReferenceEquals(next, LiveWire.Ping)) body.Write(LiveWire.PingEvent);
                    else if (next.Change > since && sent.Add(next.Change)) body.Write(next.Event);
                }
                // Completed: the connection is gone.
                if ((await body.FlushAsync(ct)).IsCompleted) return;
            }
        }
        // The stream's lifetime is over, the node is stopping or the reader left: the response simply ends.
        catch (OperationCanceledException) { }
    }
}
