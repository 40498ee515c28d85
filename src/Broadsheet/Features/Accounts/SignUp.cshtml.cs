using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Accounts;

/// <summary>A reader's account for commenting: created unconfirmed, usable once the mailed link is followed.</summary>
public sealed class SignUpModel(UserManager<Account> accounts, BroadsheetDb db, MailOutbox outbox, AccountThrottle throttle, SignUpPace pace, SiteContext site, TimeProvider clock, PageMeta meta) : PageModel
{
    private ReaderAccountText Text => ReaderAccountText.For(site);

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

        var email = MailAddresses.Normalise(Input.Email!);
        if (await throttle.BeforeMailAsync(AccountThrottle.Mailing.SignUp, AccountThrottle.AddressOf(HttpContext), AccountThrottle.KeyOf(email)) is { } wait)
        {
            Errors.Add(Text.TooManyTries(wait));
            return ThrottledPage.For(this, wait);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var account = new Account
        {
            UserName = email, Email = email, DisplayName = name, DisplayNameKey = key, CreatedAt = now,
            ConsentedAt = now, ConsentVersion = ProcessingConsent.Version,
        };
        // The same hashing and lookup whatever the address; then a taken one stands in for the writes
        // a new one makes (SignUpPace), and the mail waits in the outbox either way: the answer, the
        // mail and the time tell a stranger nothing. The password's rules are AccountInput's, checked above.
        account.PasswordHash = accounts.PasswordHasher.HashPassword(account, Input.Password!);
        if (await accounts.FindByEmailAsync(email) is not null) return await TakenAsync(email, ct);
        var started = SignUpPace.Start();
        // The account and its role are one write: an account without the reader role, left by a failure
        // between the two, could neither comment nor be signed up for again (its address is "taken").
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await accounts.CreateAsync(account);
        if (!result.Succeeded)
        {
            // Taken between the lookup and the insert: a second sign-up racing the first.
            if (result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")) return await TakenAsync(email, ct);
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }
        var role = await accounts.AddToRoleAsync(account, StaffRoles.Reader);
        if (!role.Succeeded) throw new InvalidOperationException("Could not give a new reader the reader role: " + string.Join("; ", role.Errors.Select(e => e.Description)));
        await transaction.CommitAsync(ct);
        outbox.PostConfirmation(account.Id, ReturnPath.Checked(ReturnUrl));
        pace.Created(started);
        Sent = true;
        return Page();
    }

    private async Task<IActionResult> TakenAsync(string email, CancellationToken ct)
    {
        outbox.PostSignUpAgain(email);
        await pace.StandInAsync(ct);
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

    /// <summary>The box agreeing to the processing of personal data (152-FZ art. 9, GDPR art. 6(1)(a)): unticked by default, required.</summary>
    public bool Consent { get; set; }

    /// <summary>Each field that is not acceptable, with what to tell the reader; the display name's finer rules are <see cref="DisplayNames"/>'.</summary>
    public IEnumerable<(string Field, string Message)> Problems(ReaderAccountText text)
    {
        if (string.IsNullOrWhiteSpace(DisplayName)) yield return (nameof(DisplayName), text.NameRequired);
        if (AccountInput.EmailProblem(Email, text) is { } email) yield return (nameof(Email), email);
        if (AccountInput.NewPasswordProblem(Password, text) is { } password) yield return (nameof(Password), password);
        if (!Consent) yield return (nameof(Consent), text.ConsentRequired);
    }
}
