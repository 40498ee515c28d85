using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Articles;

/// <summary>What the rubric, tag, author and archive pages have in common: a titled, paged list of teasers.</summary>
public sealed record ListingView(string Heading, string? Description, Paged<Teaser> Page, string? FeedPath)
{
    /// <summary>
    /// A rubric's, tag's or author's page at <paramref name="path"/>, with its feed at path/feed. Only the first
    /// page is canonical; a page of newer articles is not indexed. Null when a cursor led past the end: a 404.
    /// </summary>
    public static ListingView? Section(PageMeta meta, PageRequest request, Paged<Teaser> page, string heading, string? description, string path)
    {
        if (IsPastTheEnd(request, page)) return null;
        var view = new ListingView(heading, description, page, $"{path}/feed");
        meta.Title = heading;
        meta.Description = description;
        meta.CanonicalPath = request.Before is null && request.After is null ? path : null;
        meta.NoIndex = request.After is not null;
        meta.FeedPath = view.FeedPath;
        meta.FeedTitle = heading;
        return view;
    }

    /// <summary>A day or month of the archive at <paramref name="path"/>: canonical there, not indexed when nothing was published then.</summary>
    public static ListingView? Dated(PageMeta meta, PageRequest request, Paged<Teaser> page, string heading, string path)
    {
        if (IsPastTheEnd(request, page)) return null;
        meta.Title = heading;
        meta.CanonicalPath = path;
        meta.NoIndex = page.Items.Count == 0;
        return new ListingView(heading, null, page, null);
    }

    private static bool IsPastTheEnd(PageRequest request, Paged<Teaser> page) =>
        page.Items.Count == 0 && (request.Before is not null || request.After is not null);
}

public static class ListingRequest
{
    /// <summary>Reads ?before= / ?after=; a malformed cursor is the reader's mistake, a 400.</summary>
    public static bool TryRead(PageModel page, out PageRequest request, out IActionResult? error)
    {
        error = null;
        if (PageRequest.TryRead(page.Request.Query["before"], page.Request.Query["after"], out request)) return true;
        error = page.BadRequest();
        return false;
    }
}
