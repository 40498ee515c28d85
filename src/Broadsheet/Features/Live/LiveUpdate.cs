using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Broadsheet.Features.Live;

/// <summary>
/// What a reader's open page hears when an entry changes: its state now, not the edit that made it. The page
/// replaces an entry it shows, queues one it does not, and removes a deleted one. <see cref="Change"/> is the event id.
/// </summary>
public sealed record LiveUpdate(
    [property: JsonPropertyName("change")] long Change,
    [property: JsonPropertyName("entry")] int EntryId,
    [property: JsonPropertyName("deleted")] bool Deleted,
    [property: JsonPropertyName("key")] bool KeyEvent,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("html")] string? Html)
{
    private string? json;
    private byte[]? sse;

    /// <summary>Serialised once per node, however many open streams carry it.</summary>
    [JsonIgnore]
    public string Json => json ??= JsonSerializer.Serialize(this);

    /// <summary>
    /// The whole server-sent event, UTF-8, made once per node: each open stream copies these bytes to its socket
    /// and nothing else (at 5,000 readers an update encoded per stream cost a core-second per entry).
    /// The JSON has no line breaks (the serialiser escapes them), so it is one data line.
    /// </summary>
    [JsonIgnore]
    public byte[] Event => sse ??= Encoding.UTF8.GetBytes(
        $"event: update\nid: {Change.ToString(CultureInfo.InvariantCulture)}\ndata: {Json}\n\n");

    public static LiveUpdate Of(LiveEntry entry, LiveEntryHtml html) => entry.IsDeleted
        ? new(entry.Change, entry.Id, true, false, null, null)
        : new(entry.Change, entry.Id, false, entry.IsKeyEvent, LiveEntryHtml.KeyEventTitle(entry), html.Render(entry));
}
