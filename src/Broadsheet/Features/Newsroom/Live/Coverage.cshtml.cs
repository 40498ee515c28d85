using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Channels;
using Broadsheet.Features.Live;
using Broadsheet.Features.Newsroom.Articles;
using Broadsheet.Features.Newsroom.Language;
using Broadsheet.Features.Newsroom.Workflow;
using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Newsroom.Live;

/// <summary>
/// A live article's desk: the composer, the entries with their edit, delete and key-event buttons, and the switch
/// that starts and ends the coverage. Writers post; editors start and close. Each post is its own short save, so
/// several reporters post at once without overwriting each other (there is no form state to conflict).
/// </summary>
public sealed class CoverageModel(ArticleDesk articles, LiveDesk live, LiveEntryPoster telegram, StaffNames names, SiteContext site, PageMeta meta,
    NewsroomWords words, TimeProvider clock) : PageModel
{
    public Article Article { get; private set; } = null!;
    public List<LiveEntry> Entries { get; private set; } = [];
    public string? PublicUrl { get; private set; }
    public bool IsEditor => ArticleDesk.IsEditor(User);
    [TempData] public string? Notice { get; set; }

    /// <summary>The highest change number when the desk was made: its script listens for colleagues' changes after it.</summary>
    public long Change { get; private set; }
    public bool TelegramOn => telegram.IsConfigured;

    [BindProperty] public string? Headline { get; set; }
    [BindProperty] public string Body { get; set; } = "";
    [BindProperty] public bool KeyEvent { get; set; }
    [BindProperty] public bool ToTelegram { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) is { } refusal ? refusal : Page();

    public async Task<IActionResult> OnPostPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        var name = await names.OfAsync(ArticleDesk.AccountId(User), ct);
        if (await live.PostAsync(id, User, name, Headline, Body, KeyEvent, ct) is not { } entry) return Invalid();
        Notice = ToTelegram && telegram.Send(entry.Id) ? words["Posted; on its way to the Telegram channel."] : words["Posted."];
        return Back();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, int entry, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        if (Entries.All(e => e.Id != entry)) return NotFound();
        if (await live.EditAsync(entry, User, Headline, Body, ct) is null) return Invalid();
        Notice = words["Update saved."];
        return Back();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int entry, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        if (Entries.All(e => e.Id != entry)) return NotFound();
        await live.DeleteAsync(entry, User, ct);
        Notice = words["Update deleted."];
        return Back();
    }

    public async Task<IActionResult> OnPostPinAsync(int id, int entry, bool key, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        if (Entries.All(e => e.Id != entry)) return NotFound();
        await live.PinAsync(entry, key, User, ct);
        Notice = key ? words["Marked as a key event."] : words["No longer a key event."];
        return Back();
    }

    public Task<IActionResult> OnPostStartAsync(int id, CancellationToken ct) => SetStateAsync(id, LiveState.Running, words["The coverage is live."], ct);
    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) => SetStateAsync(id, LiveState.Closed, words["The coverage is closed: readers see the summary and the updates, no longer live."], ct);
    public Task<IActionResult> OnPostEndAsync(int id, CancellationToken ct) => SetStateAsync(id, LiveState.None, words["The article is an ordinary one again."], ct);

    private async Task<IActionResult> SetStateAsync(int id, LiveState state, string notice, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        if (!IsEditor) return Forbid();
        var article = await articles.LoadAsync(id, ct);
        await live.SetStateAsync(article!, state, User, ct);
        Notice = notice;
        return Back();
    }

    /// <returns>Null when the article exists and this person may work on its coverage; the refusal otherwise.</returns>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (!User.IsInAny(StaffRoles.Writers)) return Forbid();
        var article = await articles.LoadAsync(id, ct);
        if (article is null) return NotFound();
        Article = article;
        Entries = await live.EntriesAsync(id, ct);
        Change = await live.LatestChangeAsync(id, ct);
        PublicUrl = article.IsVisibleAt(clock.GetUtcNow().UtcDateTime) ? ArticleUrl.For(site, article.PublishedAt!.Value, article.Slug) : null;
        meta.Title = words["Live: {0}", article.Title];
        meta.NoIndex = true;
        return null;
    }

    /// <summary>The composer again, with what was typed and why it was not taken.</summary>
    private PageResult Invalid()
    {
        ModelState.AddModelError(string.Empty, words["An update needs text (at most {0} characters; a headline at most {1}).", LiveEntry.MaxBody, LiveEntry.MaxHeadline]);
        return Page();
    }

    private RedirectResult Back() => Redirect($"/newsroom/articles/{Article.Id}/live");
}
