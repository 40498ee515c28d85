using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Articles;

[OutputCache(PolicyName = PageCache.Article)]
public sealed class ReadModel(BroadsheetDb db, SiteContext site, PageMeta meta, PublicOrigin origin, TimeProvider clock,
    ArticleMemo memo) : PageModel
{
    public Article Article { get; private set; } = null!;
    public List<Author> Byline { get; private set; } = [];
    public List<Rubric> ArticleRubrics { get; private set; } = [];
    public List<Tag> ArticleTags { get; private set; } = [];
    public List<Teaser> Related { get; private set; } = [];
    public List<Correction> Corrections { get; private set; } = [];
    public bool IsOpinion => ArticleRubrics.Any(r => r.IsOpinion);

    /// <summary>The article as <c>_Story.cshtml</c> draws it (the newsroom's preview draws its own through the same partial).</summary>
    public Story Story => new()
    {
        Title = Story.Text(Article.Title),
        Lead = Article.Lead.Length > 0 ? Story.Text(Article.Lead) : null,
        Rubrics = [.. ArticleRubrics.Select(r => new StoryLink(r.Name, $"/rubric/{r.Slug}"))],
        Byline = [.. Byline.Select(b => new StoryLink(b.Name, $"/author/{b.Slug}"))],
        ColumnistPhoto = IsOpinion ? Byline.FirstOrDefault()?.Photo : null,
        At = Article.PublishedAt!.Value,
        Dateline = Article.DatelineCity,
        Cover = Article.CoverImage,
        CoverAlt = Article.CoverAlt ?? Article.CoverCaption ?? "",
        CoverCaption = Article.CoverCaption is { Length: > 0 } caption ? Story.Text(caption) : null,
        Body = new Microsoft.AspNetCore.Html.HtmlString(Article.BodyHtml),
        Tags = [.. ArticleTags.Select(t => new StoryLink(t.Name, $"/tag/{t.Slug}"))],
        Published = Article,
        Corrections = Corrections,
    };

    /// <summary>The article's public address, for the share links.</summary>
    public string ShareUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int year, int month, int day, string slug, CancellationToken ct)
    {
        if (!Slug.IsWellFormed(slug)) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        // Whoever must read from the primary (staff, a reader who just wrote) must not get, nor leave,
        // a copy that a replica a moment behind may have given another reader.
        var content = ReplicaRouting.MayReadFromReplica(HttpContext)
            ? await memo.GetOrLoadAsync(slug, () => LoadAsync(slug, now, ct), c => c.Article.Id, c => c.Bytes)
            : await LoadAsync(slug, now, ct);
        if (content is null) return await FormerSlugAsync(slug, now, ct);
        var article = content.Article;
        if (!article.IsVisibleAt(now)) return NotFound();

        var canonical = ArticleUrl.For(site, article.PublishedAt!.Value, article.Slug);
        if (canonical != Request.Path.Value) return RedirectPermanent(canonical);

        HttpContext.TagCachedPage(PageCache.ArticleTag(article.Id));
        Article = article;
        (Byline, ArticleRubrics, ArticleTags, Related, Corrections) =
            (content.Byline, content.Rubrics, content.Tags, content.Related, content.Corrections);

        meta.Title = article.Title;
        meta.Description = Teaser.Shorten(article.Lead, 300);
        meta.CanonicalPath = canonical;
        ShareUrl = origin.ForPages + canonical;
        meta.OpenGraphType = "article";
        meta.ImagePath = article.CoverImage;
        meta.StructuredData = NewsArticleJsonLd.For(article, Byline, ArticleRubrics, ArticleTags, site, origin.ForPages);
        return Page();
    }

    /// <summary>Everything the page shows that is the same for every reader: what <see cref="ArticleMemo"/> keeps.</summary>
    private sealed record ArticleContent(
        Article Article, List<Author> Byline, List<Rubric> Rubrics, List<Tag> Tags, List<Teaser> Related,
        List<Correction> Corrections)
    {
        /// <summary>Two bytes a character for the texts that dominate, and room for the rest.</summary>
        public long Bytes => 2L * (Article.Body.Length + Article.BodyHtml.Length + Article.Lead.Length
            + Related.Sum(r => r.Lead.Length)) + 16 * 1024;
    }

    private async Task<ArticleContent?> LoadAsync(string slug, DateTime now, CancellationToken ct)
    {
        // One connection for the page's handful of queries, not one opened and returned per query.
        await db.Database.OpenConnectionAsync(ct);
        // Byline, rubrics and tags are read by their own small queries rather than as split-query includes: EF
        // built a new materializer delegate for the split includes on every load (7 % of a cold render's CPU).
        var article = await BySlug(db, slug, ct);
        if (article is null) return null;

        var articleId = article.Id;
        var byline = await BylineOf(db, articleId).ToListAsync(ct);
        var rubrics = await RubricsOf(db, articleId).ToListAsync(ct);
        var tags = await TagsOf(db, articleId).ToListAsync(ct);
        return new ArticleContent(
            article, byline, rubrics, tags,
            tags.Count == 0 ? [] : await RelatedTo(db, articleId, now).ToListAsync(ct),
            // A correction always marks its article updated (ArticleHistory.RecordAsync): one never updated has none,
            // and most articles never are, so their page skips the query.
            article.UpdatedAt is null ? [] : await CorrectionsOf(db, articleId).ToListAsync(ct));
    }

    // The page's fixed-shape queries, compiled once: a LINQ query is otherwise walked, hashed and looked up in EF's
    // query cache on every execution, a cost each cold render pays per query.
    private static readonly Func<BroadsheetDb, string, CancellationToken, Task<Article?>> BySlug = EF.CompileAsyncQuery(
        (BroadsheetDb db, string slug, CancellationToken ct) => db.Articles.AsNoTracking().Include(a => a.Views).FirstOrDefault(a => a.Slug == slug));

    private static readonly Func<BroadsheetDb, int, IAsyncEnumerable<Author>> BylineOf = EF.CompileAsyncQuery<BroadsheetDb, int, Author>(
        (BroadsheetDb db, int articleId) => db.ArticleAuthors.AsNoTracking().Where(x => x.ArticleId == articleId)
            .OrderBy(x => x.Position).Select(x => x.Author));

    private static readonly Func<BroadsheetDb, int, IAsyncEnumerable<Rubric>> RubricsOf = EF.CompileAsyncQuery<BroadsheetDb, int, Rubric>(
        (BroadsheetDb db, int articleId) => db.ArticleRubrics.AsNoTracking().Where(x => x.ArticleId == articleId)
            .Select(x => x.Rubric).OrderBy(r => r.Position));

    private static readonly Func<BroadsheetDb, int, IAsyncEnumerable<Tag>> TagsOf = EF.CompileAsyncQuery<BroadsheetDb, int, Tag>(
        (BroadsheetDb db, int articleId) => db.ArticleTags.AsNoTracking().Where(x => x.ArticleId == articleId)
            .Select(x => x.Tag).OrderBy(t => t.Name));

    /// <summary>"Related": the newest visible articles sharing a tag with this one (VisibleAt and Newest, spelled out).</summary>
    private static readonly Func<BroadsheetDb, int, DateTime, IAsyncEnumerable<Teaser>> RelatedTo = EF.CompileAsyncQuery(
        (BroadsheetDb db, int articleId, DateTime now) => db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && a.Id != articleId
                && a.Tags.Any(t => db.ArticleTags.Where(x => x.ArticleId == articleId).Select(x => x.TagId).Contains(t.TagId)))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(4).Select(Listing.TeaserOf));

    private static readonly Func<BroadsheetDb, int, IAsyncEnumerable<Correction>> CorrectionsOf = EF.CompileAsyncQuery<BroadsheetDb, int, Correction>(
        (BroadsheetDb db, int articleId) => db.Corrections.AsNoTracking().Where(c => c.ArticleId == articleId)
            .OrderByDescending(c => c.MadeAt).ThenByDescending(c => c.Id));

    /// <summary>An article renamed after publication keeps its old address working, permanently.</summary>
    private async Task<IActionResult> FormerSlugAsync(string slug, DateTime now, CancellationToken ct)
    {
        var current = await db.ArticleSlugHistory.AsNoTracking().Where(h => h.Slug == slug)
            .Join(db.Articles, h => h.ArticleId, a => a.Id, (h, a) => a).FirstOrDefaultAsync(ct);
        if (current is null || !current.IsVisibleAt(now)) return NotFound();
        return RedirectPermanent(ArticleUrl.For(site, current.PublishedAt!.Value, current.Slug));
    }
}
