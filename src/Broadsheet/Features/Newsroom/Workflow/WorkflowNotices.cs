using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Newsroom.Language;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Broadsheet.Features.Newsroom.Workflow;

/// <summary>
/// Tells the people an article's step concerns: a submission goes to the editors, a publication, a
/// schedule or a return to draft goes to its authors, an assignment to the assignee. Each gets a line
/// under the newsroom's bell and a letter through the <see cref="MailOutbox"/>, in the site's language.
/// Nobody is told of their own step. The notice is saved after the step, not with it: a step that
/// went through is not undone because a notice could not be kept.
/// </summary>
public sealed class WorkflowNotices(BroadsheetDb db, StaffNames names, MailOutbox outbox, TimeProvider clock)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public async Task StepTakenAsync(Article article, string kind, ClaimsPrincipal by, string note, CancellationToken ct)
    {
        var actorId = by.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var recipients = kind == NotificationKind.Submitted ? await EditorsAsync(ct) : await AuthorsOfAsync(article.Id, ct);
        recipients.Remove(actorId);
        if (kind == NotificationKind.Scheduled && article.PublishedAt is { } at)
            note = at.ToString("O", CultureInfo.InvariantCulture);
        await TellAsync(recipients, article.Id, article.Title, kind, await names.OfAsync(actorId, ct), note, ct);
    }

    /// <summary>
    /// A scheduled article went out by itself: its authors and whoever it is assigned to hear of it,
    /// since nobody pressed a button they might have watched.
    /// </summary>
    public async Task WentOutAsync(Article article, CancellationToken ct)
    {
        var recipients = await AuthorsOfAsync(article.Id, ct);
        recipients.UnionWith(await db.ArticleAssignments.Where(a => a.ArticleId == article.Id).Select(a => a.AccountId).ToListAsync(ct));
        await TellAsync(recipients, article.Id, article.Title, NotificationKind.WentOut, "", "", ct);
    }

    public async Task TellAsync(ICollection<string> accountIds, int articleId, string title, string kind, string actor, string note, CancellationToken ct)
    {
        if (accountIds.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var notices = accountIds.Select(id => new Notification
        {
            AccountId = id, ArticleId = articleId, ArticleTitle = title, Kind = kind, Actor = actor,
            Note = note.Length > EditorialNote.MaxLength ? note[..EditorialNote.MaxLength] : note, CreatedAt = now,
        }).ToList();
        db.Notifications.AddRange(notices);
        await db.SaveChangesAsync(ct);
        foreach (var notice in notices) Post(notice);
    }

    /// <summary>Editors and admins: who decides what goes out.</summary>
    private async Task<HashSet<string>> EditorsAsync(CancellationToken ct) =>
        [.. await (from role in db.Roles
                   where StaffRoles.Editors.Contains(role.Name!)
                   join link in db.UserRoles on role.Id equals link.RoleId
                   select link.UserId).Distinct().ToListAsync(ct)];

    private async Task<HashSet<string>> AuthorsOfAsync(int articleId, CancellationToken ct) =>
        [.. await db.ArticleAuthors.Where(x => x.ArticleId == articleId && x.Author.AccountId != null)
            .Select(x => x.Author.AccountId!).Distinct().ToListAsync(ct)];

    private void Post(Notification notice) =>
        outbox.Post("newsroom notice", async (services, ct) =>
        {
            var db = services.GetRequiredService<BroadsheetDb>();
            var to = await db.Users.AsNoTracking().Where(u => u.Id == notice.AccountId).Select(u => u.Email).FirstOrDefaultAsync(ct);
            if (to is null) return null;
            if (await services.GetRequiredService<PublicOrigin>().ForLinksOutAsync("newsroom notices", ct) is not { } origin) return null;
            var site = await services.GetRequiredService<SiteSettingsStore>().GetAsync(ct);
            // The outbox runs outside any request: the letter speaks the site's language, set for this letter only.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = site.Culture;
            var words = services.GetRequiredService<NewsroomWords>();
            var link = $"{origin}/newsroom/articles/{notice.ArticleId}";
            var sentence = Describe(notice, words, site);
            var message = new MimeMessage { Subject = Subject(notice, words) };
            message.To.Add(MailboxAddress.Parse(to));
            var note = notice.Kind == NotificationKind.Returned && notice.Note.Length > 0 ? notice.Note : null;
            message.Body = new BodyBuilder
            {
                TextBody = $"{sentence}\n\n{(note is null ? "" : note + "\n\n")}{link}\n",
                HtmlBody = $"<p>{Html.Encode(sentence)}</p>{(note is null ? "" : $"<blockquote>{Html.Encode(note)}</blockquote>")}<p><a href=\"{Html.Encode(link)}\">{Html.Encode(link)}</a></p>",
            }.ToMessageBody();
            return message;
        });

    public static string Subject(Notification n, NewsroomWords words) => n.Kind switch
    {
        NotificationKind.Submitted => words["Submitted for review: {0}", n.ArticleTitle],
        NotificationKind.Published or NotificationKind.WentOut => words["Published: {0}", n.ArticleTitle],
        NotificationKind.Scheduled => words["Scheduled: {0}", n.ArticleTitle],
        NotificationKind.Returned => words["Returned to you: {0}", n.ArticleTitle],
        _ => words["Assigned to you: {0}", n.ArticleTitle],
    };

    /// <summary>The notice as one sentence, for the bell's list and the letter.</summary>
    public static string Describe(Notification n, NewsroomWords words, SiteContext site) => n.Kind switch
    {
        NotificationKind.Submitted => words["{0} submitted “{1}” for review.", n.Actor, n.ArticleTitle],
        NotificationKind.Published => words["{0} published “{1}”.", n.Actor, n.ArticleTitle],
        NotificationKind.WentOut => words["“{0}” went out as scheduled.", n.ArticleTitle],
        NotificationKind.Scheduled => words["{0} scheduled “{1}” for {2}.", n.Actor, n.ArticleTitle,
            DateTime.TryParse(n.Note, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? site.FormatTime(at.ToUniversalTime()) : n.Note],
        NotificationKind.Returned => n.Note.Length > 0
            ? words["{0} returned “{1}” to draft with a note.", n.Actor, n.ArticleTitle]
            : words["{0} returned “{1}” to draft.", n.Actor, n.ArticleTitle],
        _ => words["{0} assigned “{1}” to you.", n.Actor, n.ArticleTitle],
    };
}
