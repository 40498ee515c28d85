namespace Broadsheet.Features.Comments;

/// <summary>
/// The answer to a post, an edit or a flag: an HTTP status the API returns as is, and what to tell the
/// reader; a 429 says when to come back (<see cref="RetryAfter"/>, sent as the Retry-After header).
/// </summary>
public sealed record PostOutcome(int Status, string Message, Comment? Comment = null, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>Sets Retry-After when there is one: whole seconds, at least one.</summary>
    public void Stamp(HttpResponse response)
    {
        if (RetryAfter is { } wait)
            response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
