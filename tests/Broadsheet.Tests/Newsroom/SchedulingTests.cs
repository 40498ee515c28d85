using System.Globalization;
using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Newsroom.Articles;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsroom;

/// <summary>Scheduled articles go out by themselves, even across a restart. The job is triggered by hand so the tests do not wait.</summary>
public sealed class SchedulingTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private BroadsheetApp? restarted;

    public void Dispose()
    {
        app.Dispose();
        restarted?.Dispose();
    }

    private static async Task<int> ScheduleAsync(BroadsheetApp app, string title, string localTime)
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var response = await editor.SubmitAsync("/newsroom/articles/new", "Schedule", ("Input.Title", title), ("Input.ScheduleAt", localTime));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private static Task<Article> LoadAsync(BroadsheetApp app, int id) => app.WithDbAsync(db => db.Articles.SingleAsync(a => a.Id == id));

    private static async Task<bool> OnHomePageAsync(BroadsheetApp app, string title) =>
        (await app.GetPageAsync("/")).QuerySelectorAll("a").Any(a => a.TextContent.Trim() == title);

    [Fact]
    public async Task A_scheduled_article_goes_out_when_its_time_comes_and_not_before()
    {
        // 13:30 Moscow time is 10:30 UTC; the clock stands at 09:00 UTC.
        var id = await ScheduleAsync(app, "Budget vote at half past one", "2024-05-15T13:30");
        var article = await LoadAsync(app, id);
        Assert.Equal((ArticleStatus.Scheduled, new DateTime(2024, 5, 15, 10, 30, 0)), (article.Status, article.PublishedAt));
        Assert.False(await OnHomePageAsync(app, "Budget vote at half past one"));

        var job = app.Services.GetRequiredService<ScheduledPublishing>();
        app.Clock.Set(new DateTimeOffset(2024, 5, 15, 10, 29, 0, TimeSpan.Zero));
        Assert.Empty(await job.PublishDueAsync());
        Assert.Equal(ArticleStatus.Scheduled, (await LoadAsync(app, id)).Status);

        app.Clock.Set(new DateTimeOffset(2024, 5, 15, 10, 30, 10, TimeSpan.Zero));
        await job.PublishDueAsync();
        Assert.Equal(ArticleStatus.Published, (await LoadAsync(app, id)).Status);
        Assert.True(await OnHomePageAsync(app, "Budget vote at half past one"));
        Assert.Contains(await app.WithDbAsync(db => db.AuditLog.ToListAsync()), e => e.Action == "publish" && e.ArticleId == id && e.Actor == "schedule");
    }

    [Fact]
    public async Task The_schedule_survives_a_restart()
    {
        var id = await ScheduleAsync(app, "Scheduled before the restart", "2024-05-15T18:00");
        restarted = app.Restart();
        Assert.Equal(ArticleStatus.Scheduled, (await LoadAsync(restarted, id)).Status);
        // The job's own timer may run too once the time has come; either way the article must go out.
        restarted.Clock.Set(new DateTimeOffset(2024, 5, 15, 15, 0, 30, TimeSpan.Zero));
        await restarted.Services.GetRequiredService<ScheduledPublishing>().PublishDueAsync();

        Assert.Equal(ArticleStatus.Published, (await LoadAsync(restarted, id)).Status);
        Assert.True(await OnHomePageAsync(restarted, "Scheduled before the restart"));
    }
}
