using Broadsheet.Features.Shared;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Accounts;

/// <summary>A reader's account for commenting: created unconfirmed, usable once the mailed link is followed.</summary>
public sealed class SignUpModel(UserManager<Account> accounts, BroadsheetDb db, ReaderMail mail, SiteContext site, TimeProvider clock, PageMeta meta, ILogger<SignUpModel> log) : PageModel
{
    private ReaderAccountText Text => site.Text.Accounts;

    [BindProperty] public SignUpForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool Sent { get; private set; }
    public List<string> Errors { get; } = [];

    public void OnGet() => Describe();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Describe();
        foreach (var (field, message) in Input.Problems(Text)) ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        if (!ModelState.IsValid) return Page();
        var name = Input.DisplayName!.Trim();
        if (DisplayNames.Problem(name, Text) is { } problem) { Errors.Add(problem); return Page(); }
        var key = DisplayNames.Key(name);
        if (await db.Users.AnyAsync(a => a.DisplayNameKey == key, ct)) { Errors.Add(Text.NameTaken); return Page(); }

        var email = Input.Email!.Trim();
        var account = new Account { UserName = email, Email = email, DisplayName = name, DisplayNameKey = key, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var result = await accounts.CreateAsync(account, Input.Password!);
        if (!result.Succeeded)
        {
            // "Taken" would tell a stranger who reads this publication; the other errors are the reader's own.
            if (result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")) { Sent = true; return Page(); }
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }
        await accounts.AddToRoleAsync(account, StaffRoles.Reader);
        try { await mail.ConfirmAsync(email, await ReaderLinks.ConfirmAsync(accounts, account), ct); }
        catch (MailNotSentException e) { log.LogWarning(e, "Could not send the confirmation to a new reader"); }
        Sent = true;
        return Page();
    }

    private void Describe()
    {
        meta.Title = Text.SignUpTitle;
        meta.NoIndex = true;
    }
}

public sealed class SignUpForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? DisplayName { get; set; }

    /// <summary>Each field that is not acceptable, with what to tell the reader; the display name's finer rules are <see cref="DisplayNames"/>'.</summary>
    public IEnumerable<(string Field, string Message)> Problems(ReaderAccountText text)
    {
        if (string.IsNullOrWhiteSpace(DisplayName)) yield return (nameof(DisplayName), text.NameRequired);
        if (AccountInput.EmailProblem(Email, text) is { } email) yield return (nameof(Email), email);
        if (AccountInput.NewPasswordProblem(Password, text) is { } password) yield return (nameof(Password), password);
    }
}
