using Broadsheet.Features.Newsletter;
using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Newsroom.Newsletter;

/// <summary>
/// The newsroom's view of the newsletter: subscriber counts, each run's progress, failures, and
/// the breaking-news alert. Editors only (the folder's rule in NewsroomSetup): it shows addresses.
/// </summary>
public sealed class DeskModel(NewsletterDesk desk, PageMeta meta, Language.NewsroomWords words) : PageModel
{
    public SubscriberCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, 0);
    public List<RunProgress> Runs { get; private set; } = [];
    public List<DeliveryFailure> Failures { get; private set; } = [];
    public string? AlertResult { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? alert, CancellationToken ct)
    {
        meta.Title = words["Newsletter"];
        meta.NoIndex = true;
        AlertResult = alert;
        Counts = await desk.CountsAsync(ct);
        Runs = await desk.RecentRunsAsync(20, ct);
        Failures = await desk.FailuresAsync(50, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAlertAsync(int articleId, CancellationToken ct)
    {
        var sent = await desk.SendBreakingAlertAsync(articleId, ct);
        var alert = sent is { } n ? words["Alert for article {0} planned for subscribers: {1}.", articleId, n] : words["No alert: article {0} is not visible or was already alerted.", articleId];
        return RedirectToPage(new { alert });
    }
}
