using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Workflow;

/// <summary>What the article's screen shows beside the text: staff notes, who it is assigned to, and whom it could be.</summary>
public sealed class WorkflowPanel(BroadsheetDb db, StaffNames names)
{
    public sealed record Note(int Id, string By, string Text, DateTime At);
    public sealed record Colleague(string AccountId, string Name);
    public sealed record View(int ArticleId, ArticleStatus Status, List<Note> Notes, string? AssignedTo, string? AssignedName, List<Colleague> Staff);

    public async Task<View?> LoadAsync(int articleId, CancellationToken ct)
    {
        var status = await db.Articles.Where(a => a.Id == articleId).Select(a => (ArticleStatus?)a.Status).FirstOrDefaultAsync(ct);
        if (status is null) return null;
        var notes = await db.EditorialNotes.AsNoTracking().Where(n => n.ArticleId == articleId).OrderBy(n => n.Id).ToListAsync(ct);
        var assigned = await db.ArticleAssignments.AsNoTracking().Where(a => a.ArticleId == articleId).Select(a => a.AccountId).FirstOrDefaultAsync(ct);
        var staff = await WritersAsync(ct);
        var named = await names.OfAsync([.. notes.Select(n => n.AccountId), .. staff, assigned], ct);
        return new View(articleId, status.Value,
            [.. notes.Select(n => new Note(n.Id, n.AccountId is { } id && named.TryGetValue(id, out var name) ? name : n.WrittenBy, n.Text, n.WrittenAt))],
            assigned, assigned is null ? null : named.GetValueOrDefault(assigned, ""),
            [.. staff.Select(id => new Colleague(id, named.GetValueOrDefault(id, id))).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)]);
    }

    /// <summary>Everyone who may write or edit: whom an article can be assigned to.</summary>
    public async Task<List<string>> WritersAsync(CancellationToken ct) =>
        await (from role in db.Roles
               where StaffRoles.Writers.Contains(role.Name!)
               join link in db.UserRoles on role.Id equals link.RoleId
               select link.UserId).Distinct().ToListAsync(ct);
}
