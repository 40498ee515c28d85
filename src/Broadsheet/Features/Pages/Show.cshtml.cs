using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Pages;

/// <summary>
/// A site page at /{slug}. The Markdown is rendered here rather than stored rendered, as articles are:
/// a handful of pages behind the page cache cost nothing, and an importer or a migration can write a page
/// as plain Markdown without knowing how the site renders it.
/// </summary>
[OutputCache(PolicyName = PageCache.Article)]
public sealed class ShowModel(BroadsheetDb db, ArticleBody body, SiteContext site, PageMeta meta) : PageModel
{
    public string Title { get; private set; } = "";
    public string BodyHtml { get; private set; } = "";
    public DateTime? UpdatedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!SitePageAddress.IsWellFormed(slug)) return NotFound();
        var page = await db.SitePages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (page is not null) (Title, BodyHtml, UpdatedAt) = (page.Title, body.Render(page.Body), page.UpdatedAt);
        // The consent line under every comment form links here; until the newsroom writes the page,
        // the rules kept in the settings (and shown above the comments) are the page.
        else if ("/" + slug == Accounts.ProcessingConsent.RulesPath && site.Settings.CommentRules is { Length: > 0 } rules)
            (Title, BodyHtml) = (site.Text.CommentRules, body.Render(rules));
        else return NotFound();

        meta.Title = Title;
        meta.Description = SitePageSummary.Of(page?.Body ?? site.Settings.CommentRules);
        meta.CanonicalPath = "/" + slug;
        return Page();
    }
}
