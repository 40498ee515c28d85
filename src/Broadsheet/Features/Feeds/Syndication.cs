using Broadsheet.Features.Articles;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Feeds;

public enum FeedFormat { Rss, Atom }

/// <summary>The RSS and Atom handlers: the whole site, and one rubric, tag or author.</summary>
public static class Syndication
{
    public static async Task<FileContentHttpResult> SiteAsync(FeedRequest r, FeedFormat format)
    {
        var settings = r.Site.Settings;
        var entries = await r.Db.Articles.AsNoTracking().VisibleAt(r.Now).LatestAsync(r.Db, r.Aborted);
        return Render(r, format, settings.PublicationName, settings.Tagline, "/", entries);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> RubricAsync(FeedRequest r, string slug, FeedFormat format)
    {
        if (!Slug.IsWellFormed(slug)) return TypedResults.NotFound();
        var rubric = await r.Db.Rubrics.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, r.Aborted);
        if (rubric is null) return TypedResults.NotFound();
        var entries = await r.Db.Articles.AsNoTracking().VisibleAt(r.Now)
            .Where(a => a.Rubrics.Any(x => x.RubricId == rubric.Id)).LatestAsync(r.Db, r.Aborted);
        return Render(r, format, rubric.Name, rubric.Description, $"/rubric/{slug}", entries);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> TagAsync(FeedRequest r, string slug, FeedFormat format)
    {
        if (!Slug.IsWellFormed(slug)) return TypedResults.NotFound();
        var tag = await r.Db.Tags.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, r.Aborted);
        if (tag is null) return TypedResults.NotFound();
        var entries = await r.Db.Articles.AsNoTracking().VisibleAt(r.Now)
            .Where(a => a.Tags.Any(x => x.TagId == tag.Id)).LatestAsync(r.Db, r.Aborted);
        return Render(r, format, tag.Name, "", $"/tag/{slug}", entries);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> AuthorAsync(FeedRequest r, string slug, FeedFormat format)
    {
        if (!Slug.IsWellFormed(slug)) return TypedResults.NotFound();
        var author = await r.Db.Authors.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, r.Aborted);
        if (author is null) return TypedResults.NotFound();
        var entries = await r.Db.Articles.AsNoTracking().VisibleAt(r.Now)
            .Where(a => a.Authors.Any(x => x.AuthorId == author.Id)).LatestAsync(r.Db, r.Aborted);
        return Render(r, format, author.Name, author.Bio, $"/author/{slug}", entries);
    }

    /// <summary>A section's feed is titled "Section — Publication" so that it reads apart from the main one in a feed reader.</summary>
    private static FileContentHttpResult Render(FeedRequest r, FeedFormat format, string name, string description, string pagePath, List<FeedEntry> entries)
    {
        var publication = r.Site.Settings.PublicationName;
        var title = pagePath == "/" ? publication : $"{name} — {publication}";
        // RSS requires a description; an empty one would be valid XML but an invalid feed.
        if (string.IsNullOrWhiteSpace(description)) description = title;
        var channel = new FeedChannel(title, description, r.Site.Settings.Language, publication,
            r.Origin, pagePath, r.SelfUrl, r.Now, entries);
        return format == FeedFormat.Atom
            ? FeedXml.Document(FeedXml.Atom, w => AtomDocument.Write(w, channel, r.Site, r.Options))
            : FeedXml.Document(FeedXml.Rss, w => RssDocument.Write(w, channel, r.Site, r.Options));
    }
}
