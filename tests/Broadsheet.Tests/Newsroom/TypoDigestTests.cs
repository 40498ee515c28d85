using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Newsroom.TypoReports;
using Broadsheet.Features.TypoReports;
using Broadsheet.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Broadsheet.Tests.Newsroom;

/// <summary>The e-mail digest of new typo reports to the editors and to each article's authors, through a real SMTP server on loopback.</summary>
public sealed class TypoDigestTests : IDisposable
{
    private readonly LoopbackSmtpServer smtp = new();
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public TypoDigestTests()
    {
        smtp.Configure(app);
        app.Settings["Broadsheet:TypoReports:DigestMinutes"] = "30";
        // The digest links to the inbox, and mail with links waits until the public address is known (Security/PublicAddressMailTests).
        app.Settings["Broadsheet:PublicUrl"] = "https://news.test";
        publication = new TestPublication(app);
    }

    public void Dispose()
    {
        app.Dispose();
        smtp.Dispose();
    }

    private Task ReportAsync(Article article, string fragment, string suggestion) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.Add(new TypoReport { ArticleId = article.Id, Fragment = fragment, Suggestion = suggestion, CreatedAt = now, LastReportedAt = now });
            await db.SaveChangesAsync();
        });

    private Task<int> RunDigestAsync() => app.Services.GetRequiredService<TypoDigest>().SendDueAsync();

    private async Task<Author> BylineAsync(string name, Account account)
    {
        var author = await publication.AuthorAsync(name);
        await app.WithDbAsync(async db =>
        {
            db.Attach(author);
            author.AccountId = account.Id;
            await db.SaveChangesAsync();
        });
        return author;
    }

    private static string Text(MimeMessage message) => message.TextBody ?? "";

    [Fact]
    public async Task Editors_get_every_new_report_and_authors_only_those_about_their_articles()
    {
        var editor = await app.AccountAsync(StaffRoles.Editor);
        var anna = await app.AccountAsync(StaffRoles.Author);
        var boris = await app.AccountAsync(StaffRoles.Author);
        var budget = await publication.ArticleAsync("Council approves the budjet", authors: [await BylineAsync("Anna", anna)]);
        var bridge = await publication.ArticleAsync("Mayor opens the brigde", authors: [await BylineAsync("Boris", boris)]);
        await ReportAsync(budget, "budjet", "budget");
        await ReportAsync(bridge, "brigde", "bridge");

        Assert.Equal(3, await RunDigestAsync());

        var toEditor = Text(Assert.Single(smtp.To(editor.Email!)).Message);
        Assert.Contains("Council approves the budjet", toEditor);
        Assert.Contains("Mayor opens the brigde", toEditor);
        var toAnna = Text(Assert.Single(smtp.To(anna.Email!)).Message);
        Assert.Contains("\"budjet\" → \"budget\"", toAnna);
        Assert.DoesNotContain("brigde", toAnna);
        var toBoris = Text(Assert.Single(smtp.To(boris.Email!)).Message);
        Assert.DoesNotContain("budjet", toBoris);
        Assert.Contains("/newsroom/typo-reports", toBoris);
    }

    [Fact]
    public async Task Sends_at_most_one_digest_a_period_and_only_reports_not_mailed_before()
    {
        var editor = await app.AccountAsync(StaffRoles.Editor);
        var article = await publication.ArticleAsync("Council approves the budjet and the brigde");
        await ReportAsync(article, "budjet", "budget");
        await RunDigestAsync();
        Assert.Single(smtp.To(editor.Email!));

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await ReportAsync(article, "brigde", "bridge");
        Assert.Equal(0, await RunDigestAsync());
        Assert.Single(smtp.To(editor.Email!));

        app.Clock.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal(1, await RunDigestAsync());
        var second = Text(smtp.To(editor.Email!)[1].Message);
        Assert.Contains("brigde", second);
        Assert.DoesNotContain("budjet\"", second);

        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await RunDigestAsync());
        Assert.Equal(2, smtp.To(editor.Email!).Count);
    }

    [Fact]
    public async Task Nothing_is_sent_when_nothing_new_came_in()
    {
        var editor = await app.AccountAsync(StaffRoles.Editor);
        var article = await publication.ArticleAsync("Quiet day");
        await ReportAsync(article, "Quiet", "Calm");
        await app.WithDbAsync(async db =>
        {
            foreach (var r in db.TypoReports) r.Status = TypoReportStatus.Dismissed;
            await db.SaveChangesAsync();
        });

        Assert.Equal(0, await RunDigestAsync());
        Assert.Empty(smtp.To(editor.Email!));
    }
}
