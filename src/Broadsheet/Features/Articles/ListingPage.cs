using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Articles;

/// <summary>What the rubric, tag, author and archive pages have in common: a titled, paged list of teasers.</summary>
public sealed record ListingView(string Heading, string? Description, Paged<Teaser> Page, string? FeedPath);

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
