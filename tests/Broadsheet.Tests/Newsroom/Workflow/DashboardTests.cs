using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Comments;
using Broadsheet.Features.Newsroom.Workflow;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Newsroom.Workflow;

/// <summary>The newsroom's front door opens on what waits for this person, each with its count, not on the Draft tab.</summary>
public sealed class DashboardTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public DashboardTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task An_editor_sees_submissions_todays_schedule_assignments_and_held_comments_with_counts()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime; // 09:00 UTC is 12:00 in Moscow
        await publication.ArticleAsync("Waiting for review", status: ArticleStatus.InReview);
        await publication.ArticleAsync("Goes out this evening", publishedAt: now.AddHours(8), status: ArticleStatus.Scheduled);
        await publication.ArticleAsync("Goes out tomorrow", publishedAt: now.AddHours(20), status: ArticleStatus.Scheduled);
        await publication.ArticleAsync("Quiet draft", status: ArticleStatus.Draft);
        var mine = await publication.ArticleAsync("Check the figures", status: ArticleStatus.Draft);
        var published = await publication.ArticleAsync("Out already");
        var editor = await app.AccountAsync(StaffRoles.Editor);
        await app.WithDbAsync(async db =>
        {
            db.ArticleAssignments.Add(new ArticleAssignment { ArticleId = mine.Id, AccountId = editor.Id, AssignedAt = now });
            db.Comments.Add(new Comment { ArticleId = published.Id, Text = "Held for a look", Status = CommentStatus.Held, CreatedAt = now });
            await db.SaveChangesAsync();
        });

        var page = await (await app.SignedInAsync(editor)).GetDocumentAsync("/newsroom");

        string Count(string key) => page.QuerySelector($"[data-count='{key}'] strong")!.TextContent;
        string[] Titles(string id) => [.. page.QuerySelectorAll($"#{id} li a").Select(a => a.TextContent)];
        Assert.Equal(("1", "1", "1", "1"), (Count("in-review"), Count("scheduled-today"), Count("assigned"), Count("held-comments")));
        Assert.Equal("0", Count("typo-reports"));
        Assert.Equal(["Waiting for review"], Titles("in-review"));
        Assert.Equal(["Goes out this evening"], Titles("scheduled-today"));
        Assert.Equal(["Check the figures"], Titles("assigned"));
        Assert.DoesNotContain("Quiet draft", page.Body!.TextContent);
        Assert.Equal("/newsroom", page.QuerySelector(".desk-tabs a[aria-current=page]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_author_sees_only_their_own_submissions_and_no_moderation_counts()
    {
        await publication.ArticleAsync("Someone else's submission", status: ArticleStatus.InReview);
        var page = await (await app.SignedInAsync(StaffRoles.Author)).GetDocumentAsync("/newsroom");
        Assert.Equal("0", page.QuerySelector("[data-count='in-review'] strong")!.TextContent);
        Assert.Null(page.QuerySelector("[data-count='held-comments']"));
        Assert.Null(page.QuerySelector("[data-count='typo-reports']"));
    }
}
