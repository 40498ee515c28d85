using Broadsheet.Features.Articles;
using Broadsheet.Features.Moderation;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Demo;

public sealed class DemoPublicationTests
{
    private static BroadsheetApp Seeded(string language)
    {
        var app = new BroadsheetApp();
        app.Settings["Broadsheet:SeedDemo"] = "true";
        app.Settings["Broadsheet:DemoLanguage"] = language;
        return app;
    }

    [Fact]
    public async Task Seeds_a_realistic_publication_on_an_empty_database()
    {
        using var app = Seeded("en");
        _ = app.Services;
        var now = BroadsheetApp.DefaultNow.UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            var articles = await db.Articles.AsNoTracking().Include(a => a.Views).Where(a => a.Status == ArticleStatus.Published).ToListAsync();
            Assert.True(articles.Count >= 300);
            var days = articles.Select(a => a.PublishedAt!.Value.Date).Distinct().Count();
            Assert.True(days >= 120, $"{days} days");
            Assert.All(articles, a => Assert.True(a.PublishedAt <= now));
            Assert.True(articles.Max(a => a.PublishedAt) > now.AddDays(-1));
            Assert.True(articles.Select(a => a.Views!.Views).Distinct().Count() > 100);
            Assert.Contains(articles, a => a.BodyHtml.Contains("<figcaption>"));
            Assert.Contains(articles, a => a.DatelineCity is not null);

            Assert.True(await db.Rubrics.CountAsync() >= 8);
            Assert.True(await db.Rubrics.AnyAsync(r => r.IsOpinion));
            var tags = await db.Tags.Select(t => t.Name).ToListAsync();
            Assert.True(tags.Count >= 40);
            Assert.Contains(tags, t => t.Any(c => c is >= 'а' and <= 'я'));
            var authors = await db.Authors.ToListAsync();
            Assert.True(authors.Count >= 8);
            Assert.All(authors, a => { Assert.NotEmpty(a.Bio); Assert.NotNull(a.Photo); });
            Assert.All(authors, a => Assert.True(File.Exists(Path.Combine(app.DataDirectory, a.Photo!.TrimStart('/')))));
        });

        var column = await app.GetPageAsync("/rubric/author-column");
        Assert.NotEmpty(column.QuerySelectorAll(".teaser__photo"));
    }

    [Fact]
    public void The_demo_pictures_are_drawn_landscapes_and_portraits()
    {
        using var app = Seeded("en");
        _ = app.Services;
        var demo = Path.Combine(app.DataDirectory, "media", "demo");

        using var figure = NetVips.Image.NewFromFile(Path.Combine(demo, "figure-1-1200w.jpg"));
        // Sized and twinned as uploads are, so the demo's pages weigh what a real site's would.
        using var small = NetVips.Image.NewFromFile(Path.Combine(demo, "figure-1-480w.webp"));
        Assert.Equal((480, 270), (small.Width, small.Height));
        using var portrait = NetVips.Image.NewFromFile(Path.Combine(demo, "author-1.jpg"));

        Assert.Equal((1200, 675, 3), (figure.Width, figure.Height, figure.Bands));
        Assert.Equal((240, 240, 3), (portrait.Width, portrait.Height, portrait.Bands));
        // A sky over a ridge, a figure on a background: neither is a flat colour.
        Assert.True(figure.Deviate() > 10, $"the landscape deviates by {figure.Deviate()}");
        Assert.True(portrait.Deviate() > 10, $"the portrait deviates by {portrait.Deviate()}");
    }

    [Fact]
    public async Task Seeds_in_russian_when_asked()
    {
        using var app = Seeded("ru");
        var page = await app.GetPageAsync("/");
        Assert.Equal("ru", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Утренняя газета", page.QuerySelector(".masthead__name")!.TextContent);
        Assert.Contains(page.QuerySelectorAll(".sections a"), a => a.TextContent == "Политика" && a.GetAttribute("href") == "/rubric/politika");
    }

    [Theory]
    [InlineData("ru", "Оскорбления запрещены правилами. Пожалуйста, выскажитесь без них.")]
    [InlineData("en", "Insults are against the rules: please say it without them.")]
    public async Task The_default_rules_refuse_in_the_publications_language(string language, string message)
    {
        using var app = Seeded(language);
        _ = app.Services;

        var insult = await app.WithDbAsync(db => db.CommentRules.AsNoTracking().FirstAsync(r => r.Pattern == "idiot"));

        Assert.Equal(message, insult.Message);
    }

    [Fact]
    public async Task A_restart_keeps_the_publication_and_does_not_seed_twice()
    {
        var first = Seeded("en");
        var before = await first.WithDbAsync(db => db.Articles.CountAsync());
        await first.WithDbAsync(async db => { (await db.Articles.OrderBy(a => a.Id).FirstAsync()).Title = "Edited before restart"; await db.SaveChangesAsync(); });

        var dir = first.DataDirectory;
        using var second = first.Restart();
        Assert.True(Directory.Exists(dir), "data dir gone");
        Assert.Equal(dir, second.DataDirectory);
        Assert.Equal(before, await second.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.True(await second.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == "Edited before restart")));
    }
}
