namespace Broadsheet.Features.Comments;

/// <summary>The answer to a post, an edit or a flag: an HTTP status the API returns as is, and what to tell the reader.</summary>
public sealed record PostOutcome(int Status, string Message, Comment? Comment = null)
{
    public bool Succeeded => Status is >= 200 and < 300;
}
