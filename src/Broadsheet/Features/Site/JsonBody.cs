using System.Text.Json;

namespace Broadsheet.Features.Site;

/// <summary>
/// A small JSON request body (a comment, a typo report), read whole into a buffer no larger than the cap:
/// a client that sends more, or says it will, is stopped at the cap instead of being read to the end.
/// </summary>
public static class JsonBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The body as <typeparamref name="T"/>; Value is null when it is not JSON or not that shape, or when it is TooLarge.</summary>
    public static async Task<(T? Value, bool TooLarge)> ReadAsync<T>(HttpRequest request, int maxBytes) where T : class
    {
        if (!request.HasJsonContentType()) return (null, false);
        if (request.ContentLength > maxBytes) return (null, true);
        var buffer = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0) length += read;
        if (length > maxBytes) return (null, true);
        try { return (JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), Json), false); }
        catch (JsonException) { return (null, false); }
    }
}
