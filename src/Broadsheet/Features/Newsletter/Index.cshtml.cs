using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsletter;

/// <summary>The full sign-up form, with rubrics and alerts; the footer's short form links here. Not cached: it shows the last attempt's problem.</summary>
public sealed class IndexModel(BroadsheetDb db, SiteContext site, PageMeta meta) : PageModel
{
    public NewsletterText Text { get; } = NewsletterText.For(site);
    public List<Rubric> Rubrics { get; private set; } = [];
    public SignUpProblem? Problem { get; private set; }

    public async Task OnGetAsync(string? problem, CancellationToken ct)
    {
        Problem = Enum.TryParse<SignUpProblem>(problem, out var p) && Enum.IsDefined(p) ? p : null;
        Rubrics = await db.Rubrics.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct);
        meta.Title = Text.Title;
        meta.CanonicalPath = "/newsletter";
    }
}
