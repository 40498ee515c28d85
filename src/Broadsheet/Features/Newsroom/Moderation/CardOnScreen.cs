namespace Broadsheet.Features.Newsroom.Moderation;

/// <summary>A card as one screen shows it: the queue names the article, an article's own list need not; acts come back to <see cref="Back"/>.</summary>
public sealed record CardOnScreen(CommentCard Card, bool ShowArticle, string Back);
