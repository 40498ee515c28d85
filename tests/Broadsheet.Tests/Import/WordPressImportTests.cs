using System.Net;
using System.Text;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Comments;
using Broadsheet.Features.Import;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Import;

/// <summary>
/// The real export of a WordPress 6.1 site (Import/wordpress, kept as WordPress wrote it) brought in, then
/// read as a reader would: the pages, the old addresses, the comments; and run again.
/// </summary>
public sealed class WordPressImportTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Import", "wordpress");
    private static string Export => Path.Combine(Fixture, "vecherniy-vestnik.wordpress.xml");

    private readonly BroadsheetApp app = new();

    public WordPressImportTests() => app.Clock.Set(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => app.Dispose();

    private async Task<ImportReport> ImportAsync(Func<Stream>? open = null, bool dryRun = false, bool withUploads = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var uploads = withUploads ? Uploads.Folder(Path.Combine(Fixture, "uploads")) : null;
        return await scope.ServiceProvider.GetRequiredService<WordPressImport>()
            .RunAsync(open ?? (() => File.OpenRead(Export)), uploads, dryRun, null, CancellationToken.None);
    }

    private Task<Article> ArticleAsync(string title) =>
        app.WithDbAsync(db => db.Articles.AsNoTracking().FirstAsync(a => a.Title == title));

    private async Task<string?> RedirectOf(string path)
    {
        using var response = await app.Reader().GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{path} answered {(int)response.StatusCode}, not 301");
        return response.Headers.Location?.OriginalString;
    }

    [Fact]
    public async Task Every_post_arrives_with_its_status_rubrics_tags_byline_and_cover()
    {
        var report = await ImportAsync();

        Assert.Empty(report.Failures);
        Assert.Equal(36, report.Imported["posts"]);
        Assert.Equal(1, report.Imported["pages"]);
        Assert.Equal(1, report.Imported["pictures"]);
        Assert.Equal(2, report.Imported["authors"]);
        var statuses = await app.WithDbAsync(db => db.Articles.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(33, statuses.Single(s => s.Key == ArticleStatus.Published).Count);
        Assert.False(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == "О редакции")));
        Assert.Equal("about", (await app.WithDbAsync(db => db.SitePages.SingleAsync(p => p.Title == "О редакции"))).Slug);
        Assert.Equal(1, statuses.Single(s => s.Key == ArticleStatus.Scheduled).Count);
        Assert.Equal(2, statuses.Single(s => s.Key == ArticleStatus.Draft).Count);
        var privateOne = await ArticleAsync("Observers report irregularities 36");
        Assert.True(await app.WithDbAsync(db => db.EditorialNotes.AnyAsync(n => n.ArticleId == privateOne.Id && n.Text.Contains("Private"))));

        // A block-editor post: image block with its caption, quote, list, emphasis, link, featured image, Cyrillic slug.
        var block = await app.WithDbAsync(db => db.Articles.AsNoTracking().Where(a => a.Title == "Избирком подвёл предварительные итоги выборов")
            .OrderBy(a => a.PublishedAt).FirstAsync());
        // WordPress cut the encoded slug at 200 bytes ("…-ито"); the title gives the whole one.
        Assert.Equal("izbirkom-podvel-predvaritelnye-itogi-vyborov", block.Slug);
        Assert.Equal(new DateTime(2025, 9, 1, 5, 0, 0), block.PublishedAt); // post_date_gmt; post_date is 08:00 Moscow
        var page = await app.GetPageAsync(PageUrl.Of(app, block));
        Assert.StartsWith("Министерство экономики ожидает", page.QuerySelector(".story__lead")!.TextContent);
        Assert.Equal("Mark Ellis", page.QuerySelector(".story__byline")!.TextContent.Trim());
        var figure = page.QuerySelector(".story__body figure")!;
        Assert.StartsWith("/media/uploads/", figure.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("Фасад здания избирательной комиссии", figure.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("Здание избирательной комиссии. Фото: пресс-служба", figure.QuerySelector("figcaption")!.TextContent.Trim());
        Assert.Contains("Председатель комиссии", page.QuerySelector(".story__body blockquote")!.TextContent);
        Assert.Equal(["Явка: 41%", "Участков: 1\u00a0204"], page.QuerySelectorAll(".story__body ul li").Select(li => li.TextContent.Trim()));
        Assert.Equal("Важно:", page.QuerySelector(".story__body strong")!.TextContent);
        Assert.Equal("https://example.org/report", page.QuerySelector(".story__body a[href^='https://example.org']")!.GetAttribute("href"));
        Assert.StartsWith("/media/uploads/", page.QuerySelector(".story__cover img")!.GetAttribute("src"));
        Assert.DoesNotContain("wp:", page.QuerySelector(".story__body")!.InnerHtml);
        var tags = page.QuerySelectorAll(".story__tags a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/tag/yavka", tags);
        Assert.Contains("/tag/moskva", tags);

        // A classic post: a [caption] shortcode, blank-line paragraphs, a subcategory placed in its parent too.
        var classic = await ArticleAsync("Явка на выборах превысила прогнозы");
        var classicPage = await app.GetPageAsync(PageUrl.Of(app, classic));
        Assert.Equal("Здание комиссии", classicPage.QuerySelector(".story__body figure figcaption")!.TextContent.Trim());
        Assert.Equal("Что дальше", classicPage.QuerySelector(".story__body h2")!.TextContent);
        Assert.True(classicPage.QuerySelectorAll(".story__body > p").Length >= 5);
        var rubrics = await app.WithDbAsync(db => db.ArticleRubrics.Where(r => r.ArticleId == classic.Id).Select(r => r.Rubric.Slug).ToListAsync());
        Assert.Equal(["politika", "vybory"], rubrics.Order());
        Assert.Contains(classic.Title, (await app.GetPageAsync("/rubric/politika")).Body!.TextContent);

        // Drafts and the private post are not on the site.
        var draft = await ArticleAsync("Явка на выборах превысила прогнозы (34)");
        Assert.Null(draft.PublishedAt);
    }

    [Fact]
    public async Task Comments_keep_their_threads_names_and_states()
    {
        await ImportAsync();

        var article = await app.WithDbAsync(db => db.Articles.AsNoTracking().Where(a => a.Title == "Избирком подвёл предварительные итоги выборов")
            .OrderBy(a => a.PublishedAt).FirstAsync());
        var comments = await app.GetPageAsync($"/articles/{article.Id}/comments");
        var authors = comments.QuerySelectorAll(".comment__author").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Иван", authors);
        Assert.Contains("Редакция", authors);
        var texts = comments.QuerySelectorAll(".comment__text").Select(t => t.TextContent).ToList();
        Assert.DoesNotContain(texts, t => t.Contains("too round", StringComparison.Ordinal));
        var stored = await app.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.ArticleId == article.Id).OrderBy(c => c.CreatedAt).ToListAsync());
        Assert.Equal(CommentStatus.Held, stored.Single(c => c.Text.Contains("too round", StringComparison.Ordinal)).Status);
        var answer = stored.Single(c => c.GuestName == "Редакция");
        Assert.Equal(stored.Single(c => c.GuestName == "Иван" && c.ParentId == null).Id, answer.ParentId);
        Assert.Equal(new DateTime(2025, 10, 10, 10, 5, 0), answer.CreatedAt);
    }

    [Fact]
    public async Task Old_addresses_answer_with_a_permanent_redirect_to_the_new_ones()
    {
        await ImportAsync();
        var classic = await ArticleAsync("Явка на выборах превысила прогнозы");
        var now = PageUrl.Of(app, classic);

        Assert.Equal(now, await RedirectOf("/2025/09/03/%d0%af%d0%b2%d0%ba%d0%b0-%d0%bd%d0%b0-%d0%b2%d1%8b%d0%b1%d0%be%d1%80%d0%b0%d1%85-%d0%bf%d1%80%d0%b5%d0%b2%d1%8b%d1%81%d0%b8%d0%bb%d0%b0-%d0%bf%d1%80%d0%be%d0%b3%d0%bd%d0%be%d0%b7%d1%8b/"));
        Assert.Equal(now, await RedirectOf("/?p=2006"));
        Assert.Equal("/rubric/vybory", await RedirectOf("/category/politika/vybory/"));
        Assert.Equal("/tag/byudzhet", await RedirectOf("/tag/%d0%b1%d1%8e%d0%b4%d0%b6%d0%b5%d1%82/"));
        var renamed = await ArticleAsync("Turnout beats forecasts 6");
        Assert.Equal(PageUrl.Of(app, renamed), await RedirectOf("/2025/09/11/yolki-na-ploshhadi/"));
        Assert.StartsWith("/media/uploads/", await RedirectOf("/wp-content/uploads/2025/10/izbirkom-zdanie.jpg"));
        // The WordPress page became the site's own page at the same address; its ?page_id= leads there.
        Assert.Equal("/about", await RedirectOf("/?page_id=2041"));
        var about = await app.GetPageAsync("/about/");
        Assert.Equal("О редакции", about.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Мы — независимая городская газета.", about.QuerySelector("main")!.TextContent);

        // The site's own pages and a scheduled post's old address are left alone.
        using var home = await app.Reader().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        using var scheduled = await app.Reader().GetAsync("/?p=2039");
        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
    }

    [Fact]
    public async Task A_second_run_changes_nothing_and_a_newer_export_changes_only_what_changed()
    {
        await ImportAsync();
        var before = await app.WithDbAsync(db => db.Articles.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Version }).ToListAsync());
        var comments = await app.WithDbAsync(db => db.Comments.CountAsync());

        var again = await ImportAsync();

        Assert.True(again.ChangedNothing);
        Assert.Empty(again.Imported);
        Assert.Empty(again.Updated);
        Assert.Equal(37, again.Unchanged["posts"] + again.Unchanged["pages"]);
        Assert.Equal(before, await app.WithDbAsync(db => db.Articles.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Version }).ToListAsync()));
        Assert.Equal(comments, await app.WithDbAsync(db => db.Comments.CountAsync()));

        var newer = File.ReadAllText(Export).Replace("Central bank holds rates 27", "Central bank holds rates, again");
        var third = await ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(newer)));

        Assert.Equal(1, third.Updated["posts"]);
        Assert.False(third.Imported.ContainsKey("posts"));
        var changed = await ArticleAsync("Central bank holds rates, again");
        Assert.Single(before, b => b.Id == changed.Id);
        Assert.Equal(before.Count - 1, (await app.WithDbAsync(db => db.Articles.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Version }).ToListAsync())).Intersect(before).Count());
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_come_and_writes_nothing()
    {
        var report = await ImportAsync(dryRun: true);

        Assert.Equal(36, report.Imported["posts"]);
        Assert.True(report.Redirects > 36);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.ImportedItems.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Media.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Rubrics.CountAsync(r => r.Slug == "vybory")));
    }

    [Fact]
    public async Task Without_uploads_the_posts_come_and_the_report_says_the_pictures_did_not()
    {
        var report = await ImportAsync(withUploads: false);

        Assert.Equal(36, report.Imported["posts"]);
        Assert.Contains(report.Warnings, w => w.Contains("No uploads", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Contains("picture not among the imported media", StringComparison.Ordinal));
    }
}
