using Broadsheet.Features.Comments;
using Broadsheet.Features.Newsletter;
using Broadsheet.Features.TypoReports;
using Broadsheet.Features.ViewCounting;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Faults;

/// <summary>
/// After the app process was killed twice during writes (<see cref="CrashDuringWrites"/>) and started again:
/// everything it answered 2xx is in the database, once. Views are the exception by design — the tally waits in
/// memory for up to one flush interval — so for them: never more than were answered, nothing older than the interval lost.
/// </summary>
public sealed class CrashTests(CrashDuringWrites crash, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<CrashDuringWrites>
{
    private void NothingRefusedBeforeAKill() =>
        Assert.True(crash.RefusedBeforeAKill.IsEmpty, "refused before a kill: " + string.Join("; ", crash.RefusedBeforeAKill.Take(5)));

    private void AllThereOnce(IReadOnlyCollection<string> acknowledged, IReadOnlyCollection<string> stored, string what)
    {
        NothingRefusedBeforeAKill();
        Assert.True(acknowledged.Count > 0, $"no {what} were acknowledged");
        var twice = stored.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"{what} stored twice: {string.Join(", ", twice.Take(10))}");
        var lost = acknowledged.Except(stored).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged {what} lost: {string.Join(", ", lost.Take(10))}");
    }

    [Fact]
    public async Task Comments_acknowledged_before_a_crash_are_all_there_once_after_a_restart()
    {
        var stored = await crash.Site.WithDbAsync(db => db.Comments.Where(c => c.ArticleId == crash.ArticleId).Select(c => c.Text).ToListAsync());
        AllThereOnce([.. crash.Comments.Keys], [.. stored.Select(t => t.Split(' ')[1])], "comments");
    }

    [Fact]
    public async Task Newsletter_sign_ups_acknowledged_before_a_crash_are_all_there_once_after_a_restart()
    {
        var stored = await crash.Site.WithDbAsync(db => db.Subscribers.Select(s => s.Email).ToListAsync());
        AllThereOnce([.. crash.SignUps.Keys], [.. stored.Where(e => e.StartsWith("reader-", StringComparison.Ordinal)).Select(e => e["reader-".Length..e.IndexOf('@')])], "sign-ups");
    }

    [Fact]
    public async Task Typo_reports_acknowledged_before_a_crash_are_all_there_once_after_a_restart()
    {
        var stored = await crash.Site.WithDbAsync(db => db.TypoReports.Where(r => r.ArticleId == crash.ArticleId).Select(r => new { r.Suggestion, r.Count }).ToListAsync());
        Assert.All(stored, r => Assert.Equal(1, r.Count));
        AllThereOnce([.. crash.TypoReports.Keys], [.. stored.Select(r => r.Suggestion.Split(' ')[1])], "typo reports");
    }

    [Fact]
    public async Task Views_are_never_over_counted_and_a_crash_loses_at_most_the_last_flush_interval()
    {
        NothingRefusedBeforeAKill();
        // The restarted node has nothing of its own to flush; give it two of its 1-second intervals all the same.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var (views, daily) = await crash.Site.WithDbAsync(async db => (
            await db.Articles.Where(a => a.Id == crash.ArticleId).Select(a => a.Views != null ? a.Views.Views : 0).SingleAsync(),
            await db.DailyViews.Where(d => d.ArticleId == crash.ArticleId).SumAsync(d => (long?)d.Views) ?? 0));

        // One flush interval (1 s) and the flush's own time may be lost at each kill; anything older was written.
        long surelyWritten = crash.Views.Values.Count(v => v.At < crash.KilledAt[v.Round] - TimeSpan.FromSeconds(3));
        Assert.True(surelyWritten > 0, "no view was counted long enough before a kill to prove anything");
        output.WriteLine($"kills at {string.Join(", ", crash.KilledAt.Select(k => $"{k.TotalSeconds:0.0} s"))}; acknowledged: {crash.Comments.Count} comments, "
            + $"{crash.SignUps.Count} sign-ups, {crash.TypoReports.Count} typo reports, {crash.Views.Count} views, of which {views} in the database ({surelyWritten} surely)");
        Assert.InRange(views, surelyWritten, crash.Views.Count);
        Assert.Equal(views, daily);
    }
}
