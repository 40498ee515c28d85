using Broadsheet.Features.Articles;
using Broadsheet.Features.Comments;
using Broadsheet.Features.Import;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Data;

/// <summary>
/// The import writes its new rows without EF's SaveChanges: each must read back, through EF and on the public page,
/// exactly as EF would have saved it (enums kept as words, times, a Guid, nulls), on both databases.
/// </summary>
public sealed class PreparedInsertTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_row_written_through_the_prepared_statement_reads_back_as_EF_would_have_saved_it()
    {
        var published = new DateTime(2024, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddMilliseconds(123);
        var version = Guid.NewGuid();
        var written = new Article
        {
            Slug = "prepared-row", Title = "Счёт голосов", Lead = "Lead", Body = "Body", BodyHtml = "<p>Body</p>",
            Kind = ArticleKind.Analysis, Status = ArticleStatus.Published, Language = "ru", PublishedAt = published,
            CreatedAt = published.AddDays(-1), CommentsEnabled = false, CoverAlt = null, Version = version,
        };
        var comment = new Comment { ArticleId = 0, Text = "Первый комментарий", Status = CommentStatus.Held, Rule = "pending on the old site", CreatedAt = published, GuestName = "Reader" };

        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            using var articles = new PreparedInsert<Article>(db);
            using var comments = new PreparedInsert<Comment>(db);
            await articles.AddAsync(written, CancellationToken.None);
            comment.ArticleId = written.Id;
            await comments.AddAsync(comment, CancellationToken.None);
            // A second row through the same statement: it is prepared once and bound again.
            var reply = new Comment { ArticleId = written.Id, ParentId = comment.Id, Text = "Ответ", CreatedAt = published.AddMinutes(1) };
            await comments.AddAsync(reply, CancellationToken.None);
            Assert.True(reply.Id > comment.Id);
            await transaction.CommitAsync();
        });

        Assert.True(written.Id > 0);
        var read = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == written.Id));
        Assert.Equal((written.Slug, written.Title, written.Kind, written.Status, written.Language, written.CommentsEnabled, written.CoverAlt, written.Version),
            (read.Slug, read.Title, read.Kind, read.Status, read.Language, read.CommentsEnabled, read.CoverAlt, read.Version));
        Assert.Equal(published, read.PublishedAt!.Value.ToUniversalTime());
        Assert.Equal(published.AddDays(-1), read.CreatedAt.ToUniversalTime());
        // Queried by EF the usual way: the status word and the time compare as EF writes them.
        Assert.True(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Status == ArticleStatus.Published && a.PublishedAt > published.AddSeconds(-1) && a.Version == version)));
        var thread = await app.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.ArticleId == written.Id).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([(CommentStatus.Held, (long?)null, "Reader"), (CommentStatus.Published, comment.Id, null)],
            thread.Select(c => (c.Status, c.ParentId, c.GuestName)));

        var site = await app.Services.GetRequiredService<SiteSettingsStore>().GetAsync(CancellationToken.None);
        var page = await app.GetPageAsync(ArticleUrl.For(site, published, written.Slug));
        Assert.Equal("Счёт голосов", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_row_that_would_break_a_unique_index_is_left_out_when_asked_and_the_first_one_kept()
    {
        var (first, second) = await app.WithDbAsync(async db =>
        {
            using var links = new PreparedInsert<ImportedLink>(db, skipTaken: true);
            var first = await links.AddAsync(new ImportedLink { Path = "/2019/05/old-story", Kind = "article", TargetId = 7 }, CancellationToken.None);
            var second = await links.AddAsync(new ImportedLink { Path = "/2019/05/old-story", Kind = "article", TargetId = 8 }, CancellationToken.None);
            return (first, second);
        });

        Assert.True(first);
        Assert.False(second);
        var kept = await app.WithDbAsync(db => db.ImportedLinks.AsNoTracking().Where(l => l.Path == "/2019/05/old-story").Select(l => l.TargetId).ToListAsync());
        Assert.Equal([7L], kept);
    }
}
