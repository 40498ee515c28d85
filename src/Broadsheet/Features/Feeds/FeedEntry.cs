using Broadsheet.Features.Site;

namespace Broadsheet.Features.Feeds;

/// <summary>What a feed says about one article.</summary>
public sealed record FeedEntry(
    string Slug, string Title, string Lead, DateTime PublishedAt, DateTime? UpdatedAt, string? CoverImage,
    List<string> Byline, List<FeedCategory> Rubrics, List<FeedCategory> Tags)
{
    public DateTime LastChange => FeedTime.LastChange(PublishedAt, UpdatedAt);
}

public sealed record FeedCategory(string Slug, string Name);
