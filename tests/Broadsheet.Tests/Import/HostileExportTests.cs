using System.Text;
using Broadsheet.Features.Import;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Import;

/// <summary>Files that are not what they claim, or that attack the reader: each refused with words an editor can act on, nothing half-written.</summary>
public sealed class HostileExportTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public HostileExportTests() => app.Clock.Set(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => app.Dispose();

    private const string Head = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>Test</title><link>http://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
        """;

    private static string Post(long id, string title, string comments = "") => $"""
        <item><title>{title}</title><link>http://old.example/{id}/</link><dc:creator>nobody</dc:creator>
        <content:encoded><![CDATA[<p>Text of {title}.</p>]]></content:encoded><excerpt:encoded></excerpt:encoded>
        <wp:post_id>{id}</wp:post_id><wp:post_date>2025-01-02 10:00:00</wp:post_date><wp:post_date_gmt>2025-01-02 07:00:00</wp:post_date_gmt>
        <wp:comment_status>open</wp:comment_status><wp:post_name>post-{id}</wp:post_name><wp:status>publish</wp:status>
        <wp:post_type>post</wp:post_type>{comments}</item>
        """;

    private static string Comment(long id, long parent, string text, string approved = "1") => $"""
        <wp:comment><wp:comment_id>{id}</wp:comment_id><wp:comment_author>Reader {id}</wp:comment_author>
        <wp:comment_author_email>r{id}@example.org</wp:comment_author_email><wp:comment_date_gmt>2025-01-03 10:00:0{id % 10}</wp:comment_date_gmt>
        <wp:comment_content>{text}</wp:comment_content><wp:comment_approved>{approved}</wp:comment_approved><wp:comment_type>comment</wp:comment_type>
        <wp:comment_parent>{parent}</wp:comment_parent></wp:comment>
        """;

    private async Task<ImportReport> ImportAsync(string xml)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WordPressImport>()
            .RunAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(xml)), null, false, null, CancellationToken.None);
    }

    [Fact]
    public async Task Billion_laughs_is_refused_unread()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
            <rss><channel><title>&lol4;</title></channel></rss>
            """;
        var refused = await Assert.ThrowsAsync<WxrException>(() => ImportAsync(xml));
        Assert.Contains("DTD", refused.Message);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Malformed_xml_names_the_line()
    {
        var refused = await Assert.ThrowsAsync<WxrException>(() => ImportAsync(Head + "\n<item><title>Broken</titel></item></channel></rss>"));
        Assert.Contains("not well-formed XML at line", refused.Message);
    }

    [Fact]
    public async Task A_file_that_breaks_off_in_its_second_reading_keeps_the_posts_read_before_the_break_with_their_comments()
    {
        // The second pass reads posts ahead before writing them: those read before the break still arrive.
        var whole = Head + Post(10, "Whole") + Post(11, "Also whole", Comment(20, 0, "First word") + Comment(21, 20, "An answer"));
        var opened = 0;
        await using var scope = app.Services.CreateAsyncScope();
        var refused = await Assert.ThrowsAsync<WxrException>(() => scope.ServiceProvider.GetRequiredService<WordPressImport>().RunAsync(
            () => new MemoryStream(Encoding.UTF8.GetBytes(++opened == 1 ? whole + "</channel></rss>" : whole + "\n<item><title>Cut off</titel>")),
            null, false, null, CancellationToken.None));

        Assert.Contains("not well-formed XML at line", refused.Message);
        Assert.Equal(["post-10", "post-11"], await app.WithDbAsync(db => db.Articles.OrderBy(a => a.Slug).Select(a => a.Slug).ToListAsync()));
        var answer = await app.WithDbAsync(db => db.Comments.SingleAsync(c => c.Text == "An answer"));
        Assert.Equal(await app.WithDbAsync(db => db.Comments.Where(c => c.Text == "First word").Select(c => (long?)c.Id).SingleAsync()), answer.ParentId);
    }

    [Fact]
    public async Task A_post_listed_twice_in_one_export_arrives_once()
    {
        var report = await ImportAsync(Head + Post(10, "Twice", Comment(20, 0, "Said once")) + Post(10, "Twice", Comment(20, 0, "Said once")) + "</channel></rss>");

        Assert.Equal(1, report.Imported["posts"]);
        Assert.Equal(1, report.Unchanged["posts"]);
        Assert.Empty(report.Failures);
        Assert.Equal(1, await app.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Comments.CountAsync()));
    }

    [Fact]
    public async Task A_file_that_is_not_an_export_says_so()
    {
        var html = await Assert.ThrowsAsync<WxrException>(() => ImportAsync("<html><body>Hello</body></html>"));
        Assert.Contains("not a WordPress export", html.Message);
        var feed = await Assert.ThrowsAsync<WxrException>(() => ImportAsync("<rss version=\"2.0\"><channel><title>A feed</title><item><title>x</title></item></channel></rss>"));
        Assert.Contains("not a WordPress export", feed.Message);
    }

    [Fact]
    public async Task A_reply_whose_parent_is_missing_starts_its_own_thread_and_spam_stays_behind()
    {
        var report = await ImportAsync(Head + Post(10, "Orphans", Comment(5, 0, "First word") + Comment(6, 99, "Answer to a lost comment")
            + Comment(7, 0, "Cheap pills", approved: "spam")) + "</channel></rss>");

        Assert.Contains(report.Warnings, w => w.Contains("comment 6 answers comment 99", StringComparison.Ordinal));
        var orphan = await app.WithDbAsync(db => db.Comments.SingleAsync(c => c.Text == "Answer to a lost comment"));
        Assert.Null(orphan.ParentId);
        Assert.Equal("Reader 6", orphan.GuestName);
        Assert.Equal(1, report.Skipped["comments marked spam"]);
        Assert.False(await app.WithDbAsync(db => db.Comments.AnyAsync(c => c.Text == "Cheap pills")));
    }

    [Fact]
    public async Task Two_posts_with_one_address_both_arrive_and_the_second_is_renamed()
    {
        var report = await ImportAsync(Head + Post(10, "Same").Replace("post-10", "same") + Post(11, "Same").Replace("post-11", "same") + "</channel></rss>");

        Assert.Equal(2, report.Imported["posts"]);
        Assert.Contains(report.Warnings, w => w.Contains("\"same\" is taken here; imported as \"same-2\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_entry_that_fails_mid_batch_leaves_nothing_while_its_neighbours_in_the_batch_arrive()
    {
        // The database refuses the last write of post 11 and of comment 21, after their other rows were written.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.OnPostgres
            ? """
              CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                IF (NEW."Kind" = 'post' AND NEW."SourceId" = 11) OR (NEW."Kind" = 'comment' AND NEW."SourceId" = 21) THEN RAISE EXCEPTION 'poisoned entry'; END IF;
                RETURN NEW; END $$;
              CREATE TRIGGER "Poison" BEFORE INSERT ON "ImportedItems" FOR EACH ROW EXECUTE FUNCTION poison();
              """
            : """
              CREATE TRIGGER "Poison" BEFORE INSERT ON "ImportedItems"
              WHEN (NEW."Kind" = 'post' AND NEW."SourceId" = 11) OR (NEW."Kind" = 'comment' AND NEW."SourceId" = 21)
              BEGIN SELECT RAISE(ABORT, 'poisoned entry'); END;
              """));
        var export = Head + Post(10, "Before") + Post(11, "Poisoned", Comment(30, 0, "Under the poisoned post"))
            + Post(12, "After", Comment(20, 0, "First word") + Comment(21, 0, "Poisoned word") + Comment(22, 0, "Last word")) + "</channel></rss>";

        var report = await ImportAsync(export); // three posts and four comments: one batch (WordPressImport.BatchSize)

        Assert.Equal(2, report.Failures.Count);
        Assert.Contains(report.Failures, f => f.Contains("post 11", StringComparison.Ordinal) && f.Contains("poisoned entry", StringComparison.Ordinal));
        Assert.Contains(report.Failures, f => f.Contains("comment 21", StringComparison.Ordinal));
        Assert.Equal(["post-10", "post-12"], await app.WithDbAsync(db => db.Articles.OrderBy(a => a.Slug).Select(a => a.Slug).ToListAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Revisions.CountAsync()));
        Assert.Equal(["First word", "Last word"], await app.WithDbAsync(db => db.Comments.OrderBy(c => c.Text).Select(c => c.Text).ToListAsync()));
        var links = await app.WithDbAsync(db => db.ImportedLinks.Select(l => l.Path).ToListAsync());
        Assert.DoesNotContain(links, l => l.Contains("11", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Contains("12", StringComparison.Ordinal));
        Assert.Equal(links.Count, report.Redirects);

        // Once the fault is gone, the next run brings exactly what failed.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.OnPostgres ? """DROP TRIGGER "Poison" ON "ImportedItems" """ : """DROP TRIGGER "Poison" """));
        var again = await ImportAsync(export);
        Assert.Empty(again.Failures);
        Assert.Equal(1, again.Imported["posts"]);
        Assert.Equal(2, again.Imported["comments"]);
        Assert.Equal(3, await app.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.Equal(4, await app.WithDbAsync(db => db.Comments.CountAsync()));
    }
}
