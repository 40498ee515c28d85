using System.Text;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Site;
using Broadsheet.Features.TypoReports;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Jobs;
using Broadsheet.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Broadsheet.Features.Newsroom.TypoReports;

/// <summary>
/// Tells the newsroom about new typo reports by e-mail, at most once every
/// <see cref="TypoReportOptions.DigestMinutes"/>: every editor gets all of them, each author those
/// about their own articles. A report is mailed once; the time of the last digest is the newest
/// <see cref="TypoReport.DigestedAt"/>, so a restart neither repeats nor hurries a digest. It runs on one node
/// (the job lease), so two nodes do not mail the same reports.
/// </summary>
public sealed class TypoDigest(IServiceScopeFactory scopes, TimeProvider clock, TypoReportOptions options, ILogger<TypoDigest> log) : IJob, IDisposable
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public string Name => "typo-digest";

    public JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromSeconds(Math.Max(1, options.DigestCheckSeconds)));

    /// <summary>Two nodes looking at the same new reports at once would both mail them.</summary>
    public bool OnOneNode => true;

    public Task RunAsync(CancellationToken ct) => SendDueAsync(ct);

    public void Dispose() => oneAtATime.Dispose();

    /// <summary>One pass: sends the digest if one is due and there is anything new. Returns how many messages went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        await oneAtATime.WaitAsync(ct);
        try { return await SendAsync(ct); }
        finally { oneAtATime.Release(); }
    }

    private async Task<int> SendAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var last = await db.TypoReports.MaxAsync(r => r.DigestedAt, ct);
        if (last is { } l && now - l < TimeSpan.FromMinutes(Math.Max(1, options.DigestMinutes))) return 0;

        var fresh = await db.TypoReports.Where(r => r.DigestedAt == null && r.Status == TypoReportStatus.Open)
            .OrderBy(r => r.CreatedAt).Take(TypoInbox.Limit).ToListAsync(ct);
        if (fresh.Count == 0) return 0;
        // The digest links to the inbox; without the public address the reports wait, undigested, for it.
        if (await scope.ServiceProvider.GetRequiredService<PublicOrigin>().ForLinksOutAsync("typo report digests", ct) is not { } origin) return 0;

        var articleIds = fresh.Select(r => r.ArticleId).Distinct().ToList();
        var titles = await db.Articles.Where(a => articleIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        var bylines = await db.ArticleAuthors.Where(x => articleIds.Contains(x.ArticleId) && x.Author.AccountId != null)
            .Select(x => new { x.ArticleId, x.Author.AccountId }).ToListAsync(ct);
        var authorIds = bylines.Select(b => b.AccountId).Distinct().ToList();
        var authorEmails = await db.Users.Where(u => authorIds.Contains(u.Id) && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
        var editors = await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().GetUsersInRoleAsync(StaffRoles.Editor);

        var byRecipient = new Dictionary<string, List<TypoReport>>(StringComparer.OrdinalIgnoreCase);
        foreach (var editor in editors.Where(e => e.Email is not null))
            byRecipient[editor.Email!] = [.. fresh];
        foreach (var byline in bylines)
        {
            if (!authorEmails.TryGetValue(byline.AccountId!, out var email) || byRecipient.ContainsKey(email) && editors.Any(e => e.Email == email)) continue;
            var list = byRecipient.TryGetValue(email, out var existing) ? existing : byRecipient[email] = [];
            list.AddRange(fresh.Where(r => r.ArticleId == byline.ArticleId && !list.Contains(r)));
        }

        var mail = scope.ServiceProvider.GetRequiredService<MailSender>();
        var site = scope.ServiceProvider.GetRequiredService<SiteContext>();
        var sent = 0;
        if (byRecipient.Count > 0)
        {
            // A failure leaves every report undigested, so the next pass tries again; a recipient may then get a repeat, never nothing.
            await using var session = await mail.OpenAsync(ct);
            foreach (var (email, reports) in byRecipient)
            {
                await session.SendAsync(Compose(email, reports, titles, site, origin), ct);
                sent++;
            }
        }
        foreach (var report in fresh) report.DigestedAt = now;
        await db.SaveChangesAsync(ct);
        log.LogInformation("Typo report digest: {Reports} new reports to {Recipients} people", fresh.Count, sent);
        return sent;
    }

    private static MimeMessage Compose(string email, List<TypoReport> reports, Dictionary<int, string> titles, SiteContext site, string origin)
    {
        var text = new StringBuilder();
        text.AppendLine(site.Culture, $"Readers sent {reports.Count} new typo report{(reports.Count == 1 ? "" : "s")}.");
        foreach (var byArticle in reports.GroupBy(r => r.ArticleId))
        {
            text.AppendLine().AppendLine(titles.GetValueOrDefault(byArticle.Key, $"Article {byArticle.Key}"));
            foreach (var r in byArticle)
            {
                var suggestion = r.Suggestion.Length > 0 && r.Suggestion != r.Fragment ? $" → \"{r.Suggestion}\"" : "";
                text.AppendLine(site.Culture, $"  \"{r.Fragment}\"{suggestion} ({r.Count} reader{(r.Count == 1 ? "" : "s")}, {site.FormatTime(r.LastReportedAt)})");
            }
        }
        text.AppendLine().AppendLine(site.Culture, $"The inbox: {origin}{IndexModel.Path}");
        var message = new MimeMessage { Subject = $"{site.Settings.PublicationName}: {reports.Count} new typo report{(reports.Count == 1 ? "" : "s")}" };
        message.To.Add(MailboxAddress.Parse(email));
        message.Body = new TextPart("plain") { Text = text.ToString() };
        return message;
    }
}
