using System.Text;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Features.ViewCounting;
using Broadsheet.Infrastructure;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Media;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Demo;

/// <summary>
/// Lays down a believable publication on an empty database: the same articles every time
/// for the same day (a fixed seed), dated back from today so the site always looks current.
/// </summary>
public sealed class DemoPublication(ArticleBody body, BroadsheetOptions options, TimeProvider clock)
{
    public const int ArticleCount = 330;
    public const int DaysBack = 150;
    private const int FigureImages = 12;
    private const int FigureWidth = 1200;
    private const int Seed = 20240501;

    public async Task<int> SeedAsync(BroadsheetDb db, string language, int articleCount = ArticleCount, CancellationToken ct = default)
    {
        var text = language == "ru" ? DemoTextRussian.Text : DemoTextEnglish.Text;
        var rnd = new Random(Seed);
        DrawImages(text.Authors.Length);

        var settings = await db.SiteSettings.Include(s => s.Channels).OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? db.SiteSettings.Add(new SiteSettings()).Entity;
        settings.PublicationName = text.PublicationName;
        settings.Tagline = text.Tagline;
        settings.Language = language;
        settings.TimeZoneId = "Europe/Moscow";
        settings.TimeZoneLabel = text.TimeZoneLabel;
        settings.CommentRules = text.CommentRules;
        settings.CommentNotice = text.CommentNotice;
        settings.Channels.Clear();
        settings.Channels.AddRange(
        [
            new Channel { Name = "Telegram", Url = "https://t.me/broadsheet_demo", Position = 1 },
            new Channel { Name = language == "ru" ? "ВКонтакте" : "VK", Url = "https://vk.com/broadsheet_demo", Position = 2 },
            new Channel { Name = "YouTube", Url = "https://www.youtube.com/@broadsheet_demo", Position = 3 },
            new Channel { Name = language == "ru" ? "Дзен" : "Zen", Url = "https://dzen.ru/broadsheet_demo", Position = 4 },
            new Channel { Name = "RSS", Url = "/feed", Position = 5 },
        ]);
        DemoPages.Imprint(settings, language);
        var pages = DemoPages.For(language, text.CommentRules, clock.GetUtcNow().UtcDateTime);
        var taken = await db.SitePages.Select(p => p.Slug).ToListAsync(ct);
        db.SitePages.AddRange(pages.Where(p => !taken.Contains(p.Slug)));
        var site = new SiteContext(settings);
        if (language == "ru") await Moderation.DefaultRules.UseRussianMessagesAsync(db, ct);

        var rubrics = text.Rubrics.Select((r, i) => new Rubric
        {
            Name = r.Name, Description = r.Description, Slug = Slug.From(r.Name), Position = i + 1, IsOpinion = i == text.Rubrics.Length - 1,
        }).ToList();
        var authors = text.Authors.Select((a, i) => new Author
        {
            Name = a.Name, Bio = a.Bio, Slug = Slug.From(a.Name), Photo = $"/media/demo/author-{i + 1}.jpg",
        }).ToList();
        var tags = text.Tags.Select(t => new Tag { Name = t, Slug = Slug.From(t) }).DistinctBy(t => t.Slug).ToList();
        db.Rubrics.AddRange(rubrics);
        db.Authors.AddRange(authors);
        db.Tags.AddRange(tags);
        await db.SaveChangesAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = site.LocalDate(now);
        var columnists = authors.Take(3).ToList();
        var reporters = authors.Skip(3).ToList();
        var usedSlugs = new HashSet<string>();
        var showsData = false;
        var articles = new List<Article>(articleCount);
        for (var i = 0; i < articleCount; i++)
        {
            // Spread evenly over the days, newest first, at a daytime hour in the site's zone.
            var day = today.AddDays(-(int)((long)i * DaysBack / articleCount));
            var local = day.ToDateTime(new TimeOnly(7 + rnd.Next(15), rnd.Next(60)));
            var publishedAt = site.ToUtc(local);
            if (publishedAt > now) publishedAt = now.AddMinutes(-(i + 1) * 7);

            var rubricIndex = i % 9 == 4 ? rubrics.Count - 1 : rnd.Next(rubrics.Count - 1);
            var rubric = rubrics[rubricIndex];
            var city = text.Cities[rnd.Next(text.Cities.Length)];
            var headlines = text.Headlines[rubricIndex];
            var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, headlines[rnd.Next(headlines.Length)], city);
            var slug = Slug.From(title);
            for (var n = 2; !usedSlugs.Add(slug); n++) slug = $"{Slug.From(title)}-{n}";

            var isColumn = rubric.IsOpinion;
            var byline = isColumn ? [columnists[rnd.Next(columnists.Count)]] : PickAuthors(rnd, reporters);
            var markdown = Body(rnd, text);
            if (rubricIndex == 0 && !showsData)
            {
                var at = markdown.IndexOf("## ", StringComparison.Ordinal);
                markdown = markdown.Insert(at < 0 ? markdown.Length : at, text.ElectionData + "\n\n");
                showsData = true;
            }
            var article = new Article
            {
                Slug = slug, Title = title, Lead = text.Leads[rnd.Next(text.Leads.Length)],
                Body = markdown, BodyHtml = body.Render(markdown, site: site),
                Kind = isColumn ? ArticleKind.Column : i % 11 == 3 ? ArticleKind.Interview : ArticleKind.News,
                Status = ArticleStatus.Published, Language = language,
                DatelineCity = isColumn ? null : city,
                CoverImage = isColumn || rnd.Next(10) < 4 ? null : $"/media/demo/figure-{rnd.Next(FigureImages) + 1}-{FigureWidth}w.jpg",
                PublishedAt = publishedAt, CreatedAt = publishedAt.AddHours(-2),
                UpdatedAt = rnd.Next(12) == 0 ? publishedAt.AddHours(1 + rnd.Next(5)) : null,
                Prominence = i < 40 && rnd.Next(4) == 0 ? 1 + rnd.Next(3) : 0,
                Views = new ViewTotal { Views = (long)(200 + 40000 * Math.Pow(rnd.NextDouble(), 4)) },
            };
            if (article.CoverImage is not null) article.CoverCaption = text.Captions[rnd.Next(text.Captions.Length)];
            article.Authors.AddRange(byline.Select((a, p) => new ArticleAuthor { AuthorId = a.Id, Position = p }));
            article.Rubrics.Add(new ArticleRubric { RubricId = rubric.Id });
            foreach (var tag in tags.OrderBy(_ => rnd.Next()).Take(1 + rnd.Next(4)))
                article.Tags.Add(new ArticleTag { TagId = tag.Id });
            articles.Add(article);
        }
        db.Articles.AddRange(articles);
        await db.SaveChangesAsync(ct);

        var live = await DemoLiveCoverage.SeedAsync(db, body, site, language, reporters, rubrics[0], now, ct);

        // A week of daily figures, so "most read" has something to say from the first start.
        foreach (var a in articles.Where(a => a.PublishedAt > now.AddDays(-7)))
            for (var d = site.LocalDate(a.PublishedAt!.Value); d <= today; d = d.AddDays(1))
                db.DailyViews.Add(new DailyViews { ArticleId = a.Id, Day = d.DayNumber, Views = 1 + a.Views!.Views / 7 / (1 + today.DayNumber - d.DayNumber) });
        await db.SaveChangesAsync(ct);
        return articles.Count + live;
    }

    private static List<Author> PickAuthors(Random rnd, List<Author> reporters)
    {
        var first = reporters[rnd.Next(reporters.Count)];
        if (rnd.Next(6) != 0) return [first];
        var second = reporters[(reporters.IndexOf(first) + 1 + rnd.Next(reporters.Count - 1)) % reporters.Count];
        return [first, second];
    }

    private static string Body(Random rnd, DemoText text)
    {
        var sb = new StringBuilder();
        string Paragraph() => string.Join(" ", Enumerable.Range(0, 3 + rnd.Next(3)).Select(_ => text.Sentences[rnd.Next(text.Sentences.Length)]));
        sb.AppendLine(Paragraph()).AppendLine();
        sb.AppendLine(Paragraph()).AppendLine();
        if (rnd.Next(2) == 0)
        {
            var n = rnd.Next(FigureImages) + 1;
            var caption = text.Captions[rnd.Next(text.Captions.Length)];
            sb.AppendLine("^^^").AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"![{caption}](/media/demo/figure-{n}-{FigureWidth}w.jpg)").AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"^^^ {caption}").AppendLine();
        }
        sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"## {text.Subheadings[rnd.Next(text.Subheadings.Length)]}").AppendLine();
        sb.AppendLine(Paragraph()).AppendLine();
        // A city paper's story runs to six or seven paragraphs, not four.
        sb.AppendLine(Paragraph()).AppendLine();
        if (rnd.Next(3) == 0) sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"> {text.Quotes[rnd.Next(text.Quotes.Length)]}").AppendLine();
        sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"## {text.Subheadings[rnd.Next(text.Subheadings.Length)]}").AppendLine();
        sb.AppendLine(Paragraph()).AppendLine();
        if (rnd.Next(4) == 0)
        {
            for (var k = 0; k < 3; k++) sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"- {text.Sentences[rnd.Next(text.Sentences.Length)]}");
            sb.AppendLine();
        }
        sb.AppendLine(Paragraph());
        return sb.ToString();
    }

    private void DrawImages(int authors)
    {
        var folder = Path.Combine(options.MediaPath, "demo");
        // Named and sized as uploads are (ResponsiveImage), WebP twins included, so the demo's pages weigh what a real site's would.
        foreach (var width in ResponsiveImage.WidthsFor(FigureWidth))
            for (var i = 1; i <= FigureImages; i++)
            {
                var path = Path.Combine(folder, ResponsiveImage.FileName($"figure-{i}", width, "jpg"));
                if (!File.Exists(path)) DemoImages.Landscape(path, Seed + i, width, width * 675 / FigureWidth);
            }
        for (var i = 1; i <= authors; i++)
        {
            var path = Path.Combine(folder, $"author-{i}.jpg");
            if (!File.Exists(path)) DemoImages.Portrait(path, Seed * 7 + i);
        }
    }
}
