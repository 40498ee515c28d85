using Broadsheet.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// The newsroom's view of the newsletter: subscriber counts, each run's progress, failures, and
/// the breaking-news alert. It belongs behind the newsroom's editor authorization policy, which
/// the newsroom folder convention is to apply (AuthorizeFolder / AuthorizePage on "/newsroom/newsletter");
/// this feature adds no sign-in of its own. Until then it answers 404 unless Broadsheet:Newsletter:DeskOpen is set.
/// </summary>
public sealed class DeskModel(NewsletterDesk desk, NewsletterOptions options, PageMeta meta) : PageModel
{
    public SubscriberCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, 0);
    public List<RunProgress> Runs { get; private set; } = [];
    public List<DeliveryFailure> Failures { get; private set; } = [];
    public string? AlertResult { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? alert, CancellationToken ct)
    {
        if (!options.DeskOpen) return NotFound();
        meta.Title = "Newsletter";
        meta.NoIndex = true;
        AlertResult = alert;
        Counts = await desk.CountsAsync(ct);
        Runs = await desk.RecentRunsAsync(20, ct);
        Failures = await desk.FailuresAsync(50, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAlertAsync(int articleId, CancellationToken ct)
    {
        if (!options.DeskOpen) return NotFound();
        var sent = await desk.SendBreakingAlertAsync(articleId, ct);
        var alert = sent is { } n ? $"Alert for article {articleId} planned for {n} subscribers." : $"No alert: article {articleId} is not visible or was already alerted.";
        return RedirectToPage(new { alert });
    }
}
