using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Support;

/// <summary>Lays down the articles a test needs, straight into the app's database.</summary>
public sealed class TestPublication(BroadsheetApp app)
{
    private int counter;

    public Task<Rubric> RubricAsync(string name, bool opinion = false) => AddAsync(new Rubric
    {
        Name = name, Slug = Slug.From(name), IsOpinion = opinion, Position = Interlocked.Increment(ref counter),
    });

    public Task<Tag> TagAsync(string name) => AddAsync(new Tag { Name = name, Slug = Slug.From(name) });

    public Task<Author> AuthorAsync(string name, string? photo = null, string bio = "") =>
        AddAsync(new Author { Name = name, Slug = Slug.From(name), Photo = photo, Bio = bio });

    public async Task<Article> ArticleAsync(
        string title, DateTime? publishedAt = null, ArticleStatus status = ArticleStatus.Published,
        Rubric? rubric = null, IEnumerable<Tag>? tags = null, IEnumerable<Author>? authors = null,
        string lead = "A lead paragraph.", string body = "Body text.", string? dateline = null,
        DateTime? updatedAt = null, int prominence = 0, long views = 0, string? slug = null)
    {
        var render = app.Services.GetRequiredService<ArticleBody>();
        var at = publishedAt ?? app.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var article = new Article
        {
            Title = title, Slug = slug ?? Slug.From(title), Lead = lead, Body = body, BodyHtml = render.Render(body),
            Status = status, PublishedAt = at, CreatedAt = at, UpdatedAt = updatedAt, DatelineCity = dateline,
            Prominence = prominence, Views = views > 0 ? new ViewTotal { Views = views } : null,
        };
        if (rubric is not null) article.Rubrics.Add(new ArticleRubric { RubricId = rubric.Id });
        foreach (var t in tags ?? []) article.Tags.Add(new ArticleTag { TagId = t.Id });
        var position = 0;
        foreach (var a in authors ?? []) article.Authors.Add(new ArticleAuthor { AuthorId = a.Id, Position = position++ });
        return await AddAsync(article);
    }

    /// <summary>Changes the site settings as the newsroom would, and forgets the cached copy.</summary>
    public async Task SettingsAsync(Action<SiteSettings> change)
    {
        await app.WithDbAsync(async db =>
        {
            var settings = await db.SiteSettings.Include(s => s.Channels).FirstAsync();
            change(settings);
            await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<CacheEviction>().SettingsChangedAsync(default);
    }

    private async Task<T> AddAsync<T>(T entity) where T : class
    {
        await app.WithDbAsync(async db => { db.Add(entity); await db.SaveChangesAsync(); });
        await app.Services.GetRequiredService<CacheEviction>().EvictAsync(default, PageCache.ListingsTag);
        return entity;
    }
}
