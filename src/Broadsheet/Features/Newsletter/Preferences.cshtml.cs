using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsletter;

/// <summary>Changing rubrics, frequency and alerts from the link in any newsletter mail; the signed token stands in for a sign-in.</summary>
public sealed class PreferencesModel(Subscriptions subscriptions, BroadsheetDb db, SiteContext site, PageMeta meta) : PageModel
{
    public NewsletterText Text { get; } = NewsletterText.For(site);
    public string Token { get; private set; } = "";
    public Subscriber? Subscriber { get; private set; }
    public List<Rubric> Rubrics { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, bool saved, CancellationToken ct)
    {
        meta.Title = Text.PreferencesTitle;
        meta.NoIndex = true;
        Subscriber = await subscriptions.FindByManagingTokenAsync(token, ct);
        if (Subscriber is null) { Response.StatusCode = StatusCodes.Status400BadRequest; return Page(); }
        Token = token!;
        Saved = saved;
        Rubrics = await db.Rubrics.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, List<string>? rubrics, string? frequency, bool alerts, CancellationToken ct)
    {
        var subscriber = await subscriptions.FindByManagingTokenAsync(token, ct);
        if (subscriber is null) return await OnGetAsync(token, false, ct);
        var check = new SignUpForm { Email = subscriber.Email, Rubrics = rubrics, Frequency = frequency, Alerts = alerts }.Check();
        if (check.SignUp is null) return BadRequest();
        await subscriptions.UpdatePreferencesAsync(token, check.SignUp, ct);
        return RedirectToPage(new { token, saved = true });
    }
}
