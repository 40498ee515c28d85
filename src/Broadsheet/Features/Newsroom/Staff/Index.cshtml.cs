using Broadsheet.Infrastructure.Mail;
using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Audit;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Features.Newsroom.Language;

namespace Broadsheet.Features.Newsroom.Staff;

/// <summary>
/// Admins invite people and set their role. An invitation is an account without a password and a setup link,
/// mailed to the invitee and shown to the admin as well. Lists staff only; readers have their own page (Readers).
/// </summary>
public sealed class IndexModel(UserManager<Account> accounts, BroadsheetDb db, AuditLog audit, SetupLinks links, PublicOrigin publicOrigin,
    MailOutbox outbox, StaffProfiles profiles, NewsroomWords words, PageMeta meta, TimeProvider clock, ILogger<IndexModel> log) : PageModel
{
    /// <summary>What goes in front of a setup link: the public address, never the host this request named; null while unknown.</summary>
    public string? PublicAddress => publicOrigin.Known;

    [BindProperty] public InviteForm Invite { get; set; } = new();
    [TempData] public string? Notice { get; set; }
    [TempData] public string? Link { get; set; }
    public List<Member> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (!StaffRoles.All.Contains(Invite.Role)) ModelState.AddModelError("Invite.Role", words["Choose one of the roles."]);
        if (ModelState.IsValid && await accounts.FindByEmailAsync(Invite.Email) is not null)
            ModelState.AddModelError("Invite.Email", words["There is already an account with this e-mail."]);
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }

        var account = new Account
        {
            UserName = MailAddresses.Normalise(Invite.Email), Email = MailAddresses.Normalise(Invite.Email), DisplayName = Invite.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // Account, role and audit entry commit together: an invitation half made (an account without its role) would block a second try.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await accounts.CreateAsync(account);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors) ModelState.AddModelError("Invite.Email", e.Description);
            await LoadAsync(ct);
            return Page();
        }
        Succeeded(await accounts.AddToRoleAsync(account, Invite.Role));
        // The byline is the name the admin typed, ready before the first article (StaffProfiles).
        if (StaffRoles.Writers.Contains(Invite.Role)) await profiles.OwnAsync(account.Id, ct);
        audit.Record(User, AuditAction.Invite, accountId: account.Id, details: $"{account.Email} as {Invite.Role}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Link = await links.CreateAsync(account);
        log.LogInformation("Invitation for {Email}: {Link}", account.Email, Link);
        var inviter = await db.Users.Where(u => u.UserName == User.Identity!.Name).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        outbox.PostInvitation(account.Email!, inviter is { Length: > 0 } ? inviter : User.Identity!.Name!, Invite.Role, Link);
        Notice = words["Invited {0}: the invitation is on its way by mail. If it does not arrive, send them this link; it works once, for 24 hours:", account.Email];
        return Redirect("/newsroom/staff");
    }

    public async Task<IActionResult> OnPostRoleAsync(string account, string role, CancellationToken ct)
    {
        var target = await accounts.FindByIdAsync(account);
        if (target is null) return NotFound();
        if (role != "" && !StaffRoles.All.Contains(role)) return BadRequest();
        var before = await accounts.GetRolesAsync(target);
        if (before.Contains(StaffRoles.Admin) && role != StaffRoles.Admin
            && (await accounts.GetUsersInRoleAsync(StaffRoles.Admin)).Count == 1)
        {
            Notice = words["The last administrator cannot lose the role; make someone else an administrator first."];
            return Redirect("/newsroom/staff");
        }
        // One change or none: a role removed without the new one given would lock a colleague out.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Succeeded(await accounts.RemoveFromRolesAsync(target, before));
        if (role != "") Succeeded(await accounts.AddToRoleAsync(target, role));
        // Signs the account out everywhere at the next check, so a removed role stops working within a minute.
        Succeeded(await accounts.UpdateSecurityStampAsync(target));
        audit.Record(User, AuditAction.RoleChange, accountId: target.Id,
            details: $"{target.Email}: {(before.Count == 0 ? "none" : string.Join(", ", before))} → {(role == "" ? "none" : role)}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Notice = role == "" ? words["{0} is now without a role.", target.Email!] : words["{0} is now: {1}.", target.Email!, words[role]];
        return Redirect("/newsroom/staff");
    }

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException("The account change failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public async Task<IActionResult> OnPostLinkAsync(string account)
    {
        var target = await accounts.FindByIdAsync(account);
        if (target is null) return NotFound();
        Link = await links.CreateAsync(target);
        // The link can replace a password, so handing one out is on the record.
        audit.Record(User, AuditAction.SetupLink, accountId: target.Id, details: target.Email ?? "");
        await db.SaveChangesAsync();
        Notice = words["A new setup link for {0}; it works once, for 24 hours, and replaces the password when used:", target.Email!];
        return Redirect("/newsroom/staff");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        meta.Title = words["Staff"];
        meta.NoIndex = true;
        // Staff only: readers run to thousands and have their own page, with search and paging.
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => StaffRoles.Staff.Contains(x.Name!)).ToListAsync(ct);
        var staffIds = roles.Select(r => r.UserId).ToList();
        Members = [.. (await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).OrderBy(u => u.Email).ToListAsync(ct))
            .Select(u => new Member(u.Id, u.Email ?? u.UserName ?? "", u.DisplayName, roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "", u.PasswordHash is not null,
                u.LockoutEnd is { } end && end > clock.GetUtcNow()))];
    }

    public sealed record Member(string Id, string Email, string DisplayName, string Role, bool HasPassword, bool IsLockedOut);
}

public sealed class InviteForm
{
    [Required, EmailAddress, StringLength(256)] public string Email { get; set; } = "";
    [Required, StringLength(150)] public string DisplayName { get; set; } = "";
    [Required] public string Role { get; set; } = StaffRoles.Author;
}
