using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// Where a setup or invitation link leads: the owner chooses a password, the link is spent. While
/// the site's public address is unknown, an administrator's setup also asks for it: it is what every
/// mailed link starts with, and nothing else may guess it.
/// </summary>
public sealed class SetupModel(
    UserManager<Account> accounts, SignInManager<Account> signIn, PublicOrigin publicOrigin, BroadsheetDb db,
    CacheEviction cache, PageMeta meta) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "account")] public string AccountId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public SetupForm Input { get; set; } = new();
    public string? Email { get; private set; }
    public List<string> Errors { get; } = [];

    /// <summary>Set when this setup also decides the site's public address.</summary>
    public bool AsksForAddress { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        meta.Title = "Choose a password";
        meta.NoIndex = true;
        var account = await accounts.FindByIdAsync(AccountId);
        if (account is null || !await accounts.VerifyUserTokenAsync(account, accounts.Options.Tokens.PasswordResetTokenProvider, UserManager<Account>.ResetPasswordTokenPurpose, Token))
            Errors.Add(SpentLink);
        Email = account?.Email;
        AsksForAddress = await AsksForAddressAsync(account);
        // Only a suggestion, for the one person holding the link to confirm or correct: the address they
        // reached this page at. It is stored only when they submit it.
        if (AsksForAddress) Input.PublicUrl = $"{Request.Scheme}://{Request.Host}";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        meta.Title = "Choose a password";
        meta.NoIndex = true;
        var account = await accounts.FindByIdAsync(AccountId);
        Email = account?.Email;
        AsksForAddress = await AsksForAddressAsync(account);
        var address = PublicOrigin.Normalize(Input.PublicUrl);
        if (AsksForAddress && address is null) ModelState.AddModelError("Input.PublicUrl", "Enter the address readers reach the site at, such as https://news.example.");
        if (!ModelState.IsValid) return Page();
        if (Input.Password != Input.Confirm) { Errors.Add("The two passwords differ."); return Page(); }
        if (account is null) { Errors.Add(SpentLink); return Page(); }
        var result = await accounts.ResetPasswordAsync(account, Token, Input.Password);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Code == "InvalidToken" ? SpentLink : e.Description));
            return Page();
        }
        account.EmailConfirmed = true;
        await accounts.UpdateAsync(account);
        if (AsksForAddress) await KeepAddressAsync(address!);
        await signIn.SignInAsync(account, isPersistent: false);
        return Redirect("/newsroom");
    }

    private async Task<bool> AsksForAddressAsync(Account? account) =>
        account is not null && await publicOrigin.KnownAsync(HttpContext.RequestAborted) is null && await accounts.IsInRoleAsync(account, StaffRoles.Admin);

    private async Task KeepAddressAsync(string address)
    {
        await db.SiteSettings.ExecuteUpdateAsync(u => u.SetProperty(s => s.PublicUrl, address), HttpContext.RequestAborted);
        await cache.SettingsChangedAsync(HttpContext.RequestAborted);
    }

    private const string SpentLink = "This link has expired or has already been used. Ask an administrator for a new one.";
}

public sealed class SetupForm
{
    [Required, StringLength(200, MinimumLength = 10, ErrorMessage = "The password needs at least 10 characters.")]
    public string Password { get; set; } = "";
    [Required] public string Confirm { get; set; } = "";
    [StringLength(200)] public string? PublicUrl { get; set; }
}
