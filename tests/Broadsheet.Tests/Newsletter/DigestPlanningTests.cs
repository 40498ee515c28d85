using Broadsheet.Features.Articles;
using Broadsheet.Features.Newsletter;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsletter;

/// <summary>Who an edition is planned for: everyone with news in their rubrics since their last digest, once.</summary>
public sealed class DigestPlanningTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public DigestPlanningTests()
    {
        // The test plans by hand; the scheduler would plan today's edition first.
        app.Settings["Broadsheet:Newsletter:SchedulerSeconds"] = "0";
        publication = new TestPublication(app);
    }

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Plans_one_delivery_for_each_subscriber_with_news_in_their_rubrics_and_only_once()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var politics = await publication.RubricAsync("Politics");
        var culture = await publication.RubricAsync("Culture");
        var sport = await publication.RubricAsync("Sport");
        await publication.ArticleAsync("Council approves the budget", now.AddHours(-3), rubric: politics);
        await publication.ArticleAsync("Theatre season opens", now.AddDays(-2), rubric: culture);
        await publication.ArticleAsync("Draft sport story", now.AddHours(-2), ArticleStatus.Draft, rubric: sport);

        var everything = await SubscriberAsync("all@example.org", null);
        var onPolitics = await SubscriberAsync("politics@example.org", null, politics);
        var onCulture = await SubscriberAsync("culture@example.org", null, culture);
        var onSport = await SubscriberAsync("sport@example.org", null, sport);
        // Missed the last editions: their window reaches back to the culture story.
        var behind = await SubscriberAsync("behind@example.org", now.AddDays(-3), culture);
        var weekly = await SubscriberAsync("weekly@example.org", null, weekly: true);
        var gone = await SubscriberAsync("gone@example.org", null, unsubscribed: true);

        var edition = DateOnly.FromDateTime(now);
        var run = await PlanAsync(edition, now);

        Assert.NotNull(run);
        var deliveries = await app.WithDbAsync(db => db.DigestDeliveries.AsNoTracking().ToListAsync());
        Assert.Equal([everything, onPolitics, behind], deliveries.Select(d => d.SubscriberId).Order());
        Assert.Equal(now.AddDays(-3), deliveries.Single(d => d.SubscriberId == behind).Since);
        Assert.Equal(now.AddDays(-1), deliveries.Single(d => d.SubscriberId == everything).Since);

        // Every daily subscriber's window moved on, mailed or not; the weekly and the departed kept theirs.
        var windows = await app.WithDbAsync(db => db.Subscribers.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.DigestUpTo));
        Assert.All([everything, onPolitics, onCulture, onSport, behind], id => Assert.Equal(now, windows[id]));
        Assert.Null(windows[weekly]);
        Assert.Null(windows[gone]);

        Assert.Null(await PlanAsync(edition, now));
        Assert.Equal(3, await app.WithDbAsync(db => db.DigestDeliveries.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.DigestRuns.CountAsync()));
    }

    private async Task<DigestRun?> PlanAsync(DateOnly edition, DateTime upTo)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestEditions>().PlanAsync(DigestKind.Daily, edition, upTo, CancellationToken.None);
    }

    private Task<int> SubscriberAsync(string email, DateTime? digestUpTo, Rubric? rubric = null, bool weekly = false, bool unsubscribed = false) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime.AddDays(-10);
            var s = new Subscriber { Email = email, CreatedAt = now, Frequency = weekly ? DigestFrequency.Weekly : DigestFrequency.Daily };
            s.Confirm(now);
            s.DigestUpTo = digestUpTo;
            if (unsubscribed) s.Unsubscribe(now);
            if (rubric is not null) s.Rubrics.Add(new SubscriberRubric { RubricId = rubric.Id });
            db.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
}
