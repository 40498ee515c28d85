using Broadsheet.Features.Newsroom.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Workflow;

/// <summary>The bell's list: the newest notices for the signed-in person, unread first marked; opening one marks it read.</summary>
public sealed class NotificationsModel(BroadsheetDb db, PageMeta meta, TimeProvider clock) : PageModel
{
    public const int Shown = 50;

    public List<Notification> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        meta.Title = "Notifications";
        meta.NoIndex = true;
        var me = ArticleDesk.AccountId(User);
        Notices = await db.Notifications.AsNoTracking().Where(n => n.AccountId == me).OrderByDescending(n => n.Id).Take(Shown).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(int id, CancellationToken ct)
    {
        var me = ArticleDesk.AccountId(User);
        var notice = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.AccountId == me, ct);
        if (notice is null) return NotFound();
        notice.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        var exists = notice.ArticleId is { } articleId && await db.Articles.AnyAsync(a => a.Id == articleId, ct);
        return Redirect(exists ? $"/newsroom/articles/{notice.ArticleId}" : "/newsroom/notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var me = ArticleDesk.AccountId(User);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.AccountId == me && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return Redirect("/newsroom/notifications");
    }
}
