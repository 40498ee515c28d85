using Broadsheet.Features.Articles;
using Broadsheet.Features.Pages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Import;

/// <summary>
/// WordPress pages (About, Contacts, Advertising) become the site's own pages at /{slug}: they are not news,
/// have no byline or date a reader needs, and the footer menu is where readers look for them.
/// </summary>
public sealed partial class WordPressImport
{
    private async Task PageAsync(WxrPost source, CancellationToken ct)
    {
        // A site page has no draft state: a page nobody could read on the old site stays behind, said so.
        if (source.Status != "publish") { await Skip($"pages with status \"{source.Status}\" (site pages are always public)"); return; }
        var label = $"page {source.SourceId} \"{Shorten(source.Title)}\"";
        var known = await KnownAsync(ImportKind.Page, source.SourceId, ct);
        var page = known is null ? null : await db.SitePages.FirstOrDefaultAsync(p => p.Id == (int)known.TargetId, ct);
        if (known is not null && page is null) { await Skip("pages deleted here since an earlier import"); return; }
        if (known is not null && known.Fingerprint == source.Fingerprint) { report.Count(report.Unchanged, "pages"); return; }

        var converter = new PostMarkdown(NewPicture, siteLink);
        var body = converter.Convert(source.Content);
        foreach (var note in converter.Notes.Distinct()) report.Warn($"{label}: {note}");
        if (report.DryRun)
        {
            report.Count(known is null ? report.Imported : report.Updated, "pages");
            PageAddresses(source, page?.Id ?? 0);
            return;
        }
        var isNew = page is null;
        page ??= new SitePage { Slug = await FreePageSlugAsync(source, label, ct), Title = "", MenuOrder = source.MenuOrder };
        page.Title = source.Title.Length > 0 ? source.Title : Shorten(Text(source.Content));
        page.Body = body;
        page.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var done = await WithinTransactionAsync(label, async () =>
        {
            if (isNew) db.SitePages.Add(page);
            await db.SaveChangesAsync(ct);
            Remember(known, ImportKind.Page, source, page.Id);
            PageAddresses(source, page.Id);
        }, ct);
        if (done) report.Count(isNew ? report.Imported : report.Updated, "pages");
    }

    /// <summary>
    /// The page keeps its WordPress name when it is free here; one the site already answers (a route, or a page
    /// of the same name written here) gets a suffix and a warning, so nothing written here is overwritten.
    /// </summary>
    private async Task<string> FreePageSlugAsync(WxrPost source, string label, CancellationToken ct)
    {
        var wanted = SlugFor(Decode(source.Name) is { Length: > 0 } name ? name : source.Title, source.Title, $"page-{source.SourceId}");
        if (wanted.Length > SitePageAddress.MaxLength) wanted = wanted[..SitePageAddress.MaxLength].TrimEnd('-');
        if (!SitePageAddress.IsWellFormed(wanted)) wanted = $"page-{source.SourceId}";
        var slug = wanted;
        for (var n = 2; pageAddresses.IsTaken(slug) || await db.SitePages.AnyAsync(p => p.Slug == slug, ct); n++)
            slug = $"{wanted}-{n}";
        if (slug != wanted) report.Warn($"{label}: the address /{wanted} is taken here; imported as /{slug}");
        return slug;
    }

    private void PageAddresses(WxrPost source, int pageId)
    {
        if (source.Link.Length > 0) Redirect(source.Link, "page", pageId);
        Redirect($"/?page_id={source.SourceId}", "page", pageId);
        Redirect($"/?p={source.SourceId}", "page", pageId);
    }
}
