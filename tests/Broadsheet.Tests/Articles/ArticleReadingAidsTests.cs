using System.Net;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Articles;

/// <summary>What an article page offers around the story: share links, the view count, the correction line, the right column.</summary>
public sealed class ArticleReadingAidsTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public ArticleReadingAidsTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_new_article_shows_no_view_count_and_a_read_one_shows_it_from_the_sites_threshold()
    {
        var fresh = await publication.ArticleAsync("Just published", views: 0);
        var quiet = await publication.ArticleAsync("Read a little", views: 99);
        var read = await publication.ArticleAsync("Read a lot", views: 100);

        Assert.Null((await app.GetPageAsync(PageUrl.Of(app, fresh))).QuerySelector("[data-views]"));
        Assert.Null((await app.GetPageAsync(PageUrl.Of(app, quiet))).QuerySelector("[data-views]"));
        Assert.Equal("Views: 100", (await app.GetPageAsync(PageUrl.Of(app, read))).QuerySelector("[data-views]")!.TextContent);

        await publication.SettingsAsync(s => s.ViewsShownFrom = 0);
        Assert.Equal("Views: 99", (await app.GetPageAsync(PageUrl.Of(app, quiet))).QuerySelector("[data-views]")!.TextContent);
        Assert.Null((await app.GetPageAsync(PageUrl.Of(app, fresh))).QuerySelector("[data-views]"));
    }

    [Fact]
    public async Task The_newsroom_sets_the_threshold_and_refuses_a_negative_one()
    {
        var article = await publication.ArticleAsync("Read by a few", views: 12);
        var admin = await app.SignedInAsync("Admin");

        using (var refused = await admin.SubmitAsync("/newsroom/settings", null, ("Input.ViewsShownFrom", "-5")))
        {
            var form = await refused.ParseAsync();
            Assert.NotEmpty(form.QuerySelector("[data-valmsg-for='Input.ViewsShownFrom']")!.TextContent.Trim());
        }
        Assert.Equal(100, (await app.WithDbAsync(db => db.SiteSettings.SingleAsync())).ViewsShownFrom);

        using (var saved = await admin.SubmitAsync("/newsroom/settings", null, ("Input.ViewsShownFrom", "10")))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Views: 12", (await app.GetPageAsync(PageUrl.Of(app, article))).QuerySelector("[data-views]")!.TextContent);
    }

    [Fact]
    public async Task Share_links_carry_the_articles_own_address_and_the_page_loads_nothing_from_the_services()
    {
        var article = await publication.ArticleAsync("Council approves the budget & the plan");
        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        var address = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        var escaped = Uri.EscapeDataString(address);

        var links = page.QuerySelectorAll(".share a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(5, links.Count);
        Assert.Contains(links, l => l.StartsWith("https://t.me/share/url?url=" + escaped + "&", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("https://vk.com/share.php?url=" + escaped + "&", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("https://wa.me/?text=", StringComparison.Ordinal) && l.EndsWith(escaped, StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("https://x.com/intent/post?url=" + escaped + "&", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("mailto:?subject=Council%20approves%20the%20budget%20%26%20the%20plan&body=" + escaped, StringComparison.Ordinal));
        Assert.Equal(address, page.QuerySelector(".share [data-copy]")!.GetAttribute("data-copy"));

        // Plain links: no script, frame, style or image from anywhere but the site itself.
        var loaded = page.QuerySelectorAll("script[src], iframe, link[rel=stylesheet], img")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href") ?? "");
        Assert.All(loaded, src => Assert.StartsWith("/", src, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_article_page_offers_the_newsletter_once()
    {
        var article = await publication.ArticleAsync("One sign-up is enough");
        var page = await app.GetPageAsync(PageUrl.Of(app, article));

        Assert.Single(page.QuerySelectorAll("form[action='/newsletter/sign-up']"));
    }

    [Fact]
    public async Task A_corrected_article_says_corrected_and_links_to_the_note()
    {
        var at = BroadsheetApp.DefaultNow.UtcDateTime.AddHours(-5);
        var article = await publication.ArticleAsync("Wrong figure", publishedAt: at, updatedAt: at.AddHours(2));
        var correction = new Correction { ArticleId = article.Id, Note = "An earlier version gave the budget as 3 billion.", MadeAt = at.AddHours(2) };
        await app.WithDbAsync(async db => { db.Corrections.Add(correction); await db.SaveChangesAsync(); });

        var page = await app.GetPageAsync(PageUrl.Of(app, article));

        var line = page.QuerySelector(".story__updated")!;
        Assert.Equal("Corrected 15 May 2024, 09:00 (Moscow time)", line.TextContent.Trim());
        var target = line.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"#correction-{correction.Id}", target);
        Assert.Contains("3 billion", page.QuerySelector(target)!.TextContent);
    }

    [Fact]
    public async Task An_update_without_a_correction_still_says_updated()
    {
        var at = BroadsheetApp.DefaultNow.UtcDateTime.AddHours(-5);
        var article = await publication.ArticleAsync("New facts", publishedAt: at, updatedAt: at.AddHours(2));

        var line = (await app.GetPageAsync(PageUrl.Of(app, article))).QuerySelector(".story__updated")!;

        Assert.StartsWith("Updated ", line.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(line.QuerySelector("a"));
    }

    [Fact]
    public async Task The_right_column_lists_the_latest_news_without_the_article_itself()
    {
        var now = BroadsheetApp.DefaultNow.UtcDateTime;
        await publication.ArticleAsync("Earlier story", publishedAt: now.AddHours(-3));
        var article = await publication.ArticleAsync("The story being read", publishedAt: now.AddHours(-1));

        var page = await app.GetPageAsync(PageUrl.Of(app, article));

        var latest = page.QuerySelectorAll(".read__side .beside__list a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Earlier story"], latest);
    }

    [Fact]
    public async Task The_typo_hint_has_a_keyboard_form_and_a_touch_form()
    {
        var article = await publication.ArticleAsync("Hints");
        var page = await app.GetPageAsync(PageUrl.Of(app, article));

        Assert.Contains("Ctrl+Enter", page.QuerySelector(".story__typo-hint--keys")!.TextContent);
        var touch = page.QuerySelector(".story__typo-hint--touch")!.TextContent;
        Assert.DoesNotContain("Ctrl", touch);
        Assert.Contains("Report an error", touch);
    }
}
