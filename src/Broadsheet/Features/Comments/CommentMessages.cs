using System.Globalization;

namespace Broadsheet.Features.Comments;

/// <summary>What readers are told, in one place so the page and the API say the same.</summary>
public static class CommentMessages
{
    public const string Published = "Your comment is published.";
    public const string Held = "Thank you. Your comment will appear once a moderator has read it.";
    public const string Edited = "Your comment is changed.";
    public const string Flagged = "Thank you. A moderator will look at this comment.";
    public const string Closed = "Comments on this article are closed.";
    public const string NoSuchArticle = "There is no such article.";
    public const string NoSuchParent = "The comment you are answering is not there any more.";
    public const string NoSuchComment = "There is no such comment.";
    public const string OwnComment = "You cannot flag your own comment.";
    public const string EditWindowOver = "A comment can be changed only in the first 10 minutes.";
    public const string TooShort = "Write at least two characters.";
    public const string Duplicate = "You have just posted this same text.";
    public const string ThirdPartyLink = "Links to other sites are not allowed in comments. Links to this site are.";
    public const string Unconfirmed = "Confirm your e-mail address first: follow the link in the mail we sent you.";
    public const string BlockedForGood = "Your account may no longer comment.";
    public const string SignInFirst = "Sign in to comment.";
    public const string NotUnderstood = "The request could not be understood.";
    public const string BadToken = "The form has expired. Reload the page and try again.";

    public static string BlockedUntil(DateTime until) =>
        $"Your account may not comment until {until.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC.";

    public static string TooLong(int length) =>
        $"A comment may be at most {Comment.TextMax:N0} characters long; this one has {length:N0}.";

    public static string TooManyPerMinute(int limit) => $"You can post {limit} comments a minute. Please wait a little.";
    public static string TooManyPerDay(int limit) => $"You can post {limit} comments a day. Please come back tomorrow.";
}
