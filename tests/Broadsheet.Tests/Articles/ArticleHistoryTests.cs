using System.Collections.Concurrent;
using System.Security.Claims;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Articles.History;
using Broadsheet.Features.Audit;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Articles;

/// <summary>The one unit of work that keeps a change to an article: revision, correction, audit line, "updated", announcement.</summary>
public sealed class ArticleHistoryTests : IDisposable
{
    private static readonly ClaimsPrincipal Editor = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "editor@example.org"), new Claim(ClaimTypes.NameIdentifier, "editor-account")], "test"));

    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;
    private readonly Announcements announced = new();

    public ArticleHistoryTests()
    {
        app.Replace = services => services.AddSingleton<IArticleObserver>(announced);
        publication = new TestPublication(app);
    }

    public void Dispose() => app.Dispose();

    private sealed class Announcements : IArticleObserver
    {
        public ConcurrentQueue<int> Articles { get; } = new();

        public Task ArticleChangedAsync(int articleId, CancellationToken ct)
        {
            Articles.Enqueue(articleId);
            return Task.CompletedTask;
        }
    }

    /// <summary>Loads the article in a fresh unit of work, lets <paramref name="change"/> edit it, and records the edit.</summary>
    private Task RecordAsync(int articleId, ArticleEdit edit, Action<Article> change) =>
        RecordAsync(articleId, edit, a => { change(a); return Task.CompletedTask; });

    private async Task RecordAsync(int articleId, ArticleEdit edit, Func<Article, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var article = await db.Articles.FirstAsync(a => a.Id == articleId);
        await change(article);
        await scope.ServiceProvider.GetRequiredService<ArticleHistory>().RecordAsync(article, edit, default);
    }

    private Task<(Article Article, List<Revision> Revisions, List<AuditEntry> Audit, List<Correction> Corrections)> StoredAsync(int articleId) =>
        app.WithDbAsync(async db => (
            await db.Articles.AsNoTracking().FirstAsync(a => a.Id == articleId),
            await db.Revisions.AsNoTracking().Where(r => r.ArticleId == articleId).OrderBy(r => r.Id).ToListAsync(),
            await db.AuditLog.AsNoTracking().Where(e => e.ArticleId == articleId).OrderBy(e => e.Id).ToListAsync(),
            await db.Corrections.AsNoTracking().Where(c => c.ArticleId == articleId).ToListAsync()));

    [Fact]
    public async Task A_correction_to_a_never_revised_article_keeps_both_versions_the_note_and_two_audit_lines()
    {
        var article = await publication.ArticleAsync("Bridge opens", body: "The bridge is 3 km long.");
        app.Clock.Advance(TimeSpan.FromHours(2));
        var now = app.Clock.GetUtcNow().UtcDateTime;

        await RecordAsync(article.Id, new ArticleEdit(Editor) { Audit = AuditAction.TypoFix, AuditDetails = "3 km → 300 m", CorrectionNote = "  It is 300 m long.  " },
            a => a.Body = "The bridge is 300 m long.");

        var (saved, revisions, audit, corrections) = await StoredAsync(article.Id);
        Assert.Equal(["The bridge is 3 km long.", "The bridge is 300 m long."], revisions.Select(r => r.Body));
        Assert.Equal([false, true], revisions.Select(r => r.IsCorrection));
        Assert.Equal([null, "editor-account"], revisions.Select(r => r.AccountId));
        Assert.Equal([(AuditAction.Correct, "Bridge opens"), (AuditAction.TypoFix, "3 km → 300 m")], audit.Select(e => (e.Action, e.Details)));
        Assert.Equal(("It is 300 m long.", now), (Assert.Single(corrections).Note, corrections[0].MadeAt));
        Assert.Equal(now, saved.UpdatedAt);
        Assert.NotEqual(article.Version, saved.Version);
        Assert.Equal([article.Id], announced.Articles);
    }

    [Fact]
    public async Task An_article_with_history_gets_one_new_revision_and_no_second_baseline()
    {
        var article = await publication.ArticleAsync("Bridge opens", body: "First words.");
        await RecordAsync(article.Id, new ArticleEdit(Editor), a => a.Body = "Second words.");

        await RecordAsync(article.Id, new ArticleEdit(Editor), a => a.Body = "Third words.");

        var (saved, revisions, audit, _) = await StoredAsync(article.Id);
        Assert.Equal(["First words.", "Second words.", "Third words."], revisions.Select(r => r.Body));
        Assert.Empty(audit);
        Assert.Null(saved.UpdatedAt);
    }

    [Fact]
    public async Task A_save_that_changes_no_words_adds_no_revision()
    {
        var article = await publication.ArticleAsync("Bridge opens", body: "First words.");
        await RecordAsync(article.Id, new ArticleEdit(Editor), a => a.Body = "Second words.");

        await RecordAsync(article.Id, new ArticleEdit(Editor), a => a.CommentsEnabled = false);

        var (saved, revisions, _, _) = await StoredAsync(article.Id);
        Assert.Equal(2, revisions.Count);
        Assert.False(saved.CommentsEnabled);
    }

    [Fact]
    public async Task A_correction_asked_of_a_draft_is_refused_and_nothing_is_saved()
    {
        var draft = await publication.ArticleAsync("Draft", status: ArticleStatus.Draft, body: "Old words.");

        await Assert.ThrowsAsync<WorkflowException>(() => RecordAsync(draft.Id,
            new ArticleEdit(Editor) { Audit = AuditAction.TypoFix, CorrectionNote = "Wrong." }, a => a.Body = "New words."));

        var (saved, revisions, audit, corrections) = await StoredAsync(draft.Id);
        Assert.Equal(("Old words.", draft.Version), (saved.Body, saved.Version));
        Assert.Empty(revisions);
        Assert.Empty(audit);
        Assert.Empty(corrections);
        Assert.Empty(announced.Articles);
    }

    [Fact]
    public async Task A_change_that_lost_a_race_saves_nothing_and_announces_nothing()
    {
        var article = await publication.ArticleAsync("Bridge opens", body: "Old words.");

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => RecordAsync(article.Id,
            new ArticleEdit(Editor) { Audit = AuditAction.TypoFix, MarkUpdated = true },
            async a =>
            {
                a.Body = "Mine.";
                // Someone else saved since this article was loaded.
                await app.WithDbAsync(db => db.Articles.Where(x => x.Id == a.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Version, Guid.NewGuid())));
            }));

        var (saved, revisions, audit, _) = await StoredAsync(article.Id);
        Assert.Equal(("Old words.", (DateTime?)null), (saved.Body, saved.UpdatedAt));
        Assert.Empty(revisions);
        Assert.Empty(audit);
        Assert.Empty(announced.Articles);
    }

    [Fact]
    public async Task A_new_article_such_as_an_import_is_added_with_its_first_revision_and_its_own_audit_line()
    {
        var importer = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "wordpress-import")], "import"));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var article = new Article
        {
            Title = "From the old site", Slug = "from-the-old-site", Body = "Imported words.", Status = ArticleStatus.Published,
            PublishedAt = now.AddYears(-2), CreatedAt = now,
        };

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ArticleHistory>().RecordAsync(article,
                new ArticleEdit(importer) { Audit = "import", AuditDetails = "https://old.example.org/?p=12" }, default);

        Assert.NotEqual(0, article.Id);
        var (saved, revisions, audit, _) = await StoredAsync(article.Id);
        Assert.Equal("From the old site", saved.Title);
        Assert.Equal(("Imported words.", "wordpress-import"), (Assert.Single(revisions).Body, revisions[0].SavedBy));
        Assert.Equal(("import", "wordpress-import", "https://old.example.org/?p=12"), (Assert.Single(audit).Action, audit[0].Actor, audit[0].Details));
        Assert.Equal([article.Id], announced.Articles);
    }
}
