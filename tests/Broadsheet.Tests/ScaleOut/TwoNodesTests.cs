using System.Net;
using System.Text.RegularExpressions;
using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Jobs;
using Broadsheet.Testing;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Broadsheet.Tests.ScaleOut;

/// <summary>
/// Two real app processes on two ports over one PostgreSQL database and one Redis, as on an
/// election night: what one node does, the other shows; views add up; jobs run once.
/// </summary>
public sealed partial class TwoNodesTests : IAsyncLifetime
{
    private const string Redis = "127.0.0.1:56379,defaultDatabase=7,allowAdmin=true";
    private readonly TestDatabase storage = TestDatabase.Create();
    private readonly List<string> folders = [];
    private AppProcess nodeA = null!, nodeB = null!;

    public async Task InitializeAsync()
    {
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(Redis))
            await redis.GetServer(redis.GetEndPoints()[0]).FlushDatabaseAsync(7);
        // A starts first: it migrates the database and creates the administrator.
        nodeA = await StartNodeAsync();
        nodeB = await StartNodeAsync();
    }

    public async Task DisposeAsync()
    {
        await nodeA.DisposeAsync();
        await nodeB.DisposeAsync();
        storage.Release();
        foreach (var folder in folders)
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [PostgresFact]
    public async Task Two_nodes_serve_one_publication()
    {
        var cookies = new CookieContainer();
        using var onA = Client(nodeA, cookies);
        using var onB = Client(nodeB, cookies);

        // The administrator's one-time link, logged by the node that created the account.
        var link = SetupLink().Match(nodeA.Log + nodeB.Log);
        Assert.True(link.Success, "no setup link was logged");
        using (var setup = await onA.SubmitAsync(link.Value, null, ("Input.Password", Staff.Password), ("Input.Confirm", Staff.Password)))
            Assert.True(setup.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"setup answered {(int)setup.StatusCode}");
        using (var signIn = await onA.SubmitAsync("/account/sign-in", null, ("Input.Email", "admin@localhost"), ("Input.Password", Staff.Password)))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // Signed in through A, the same cookie opens the newsroom on B: the key ring is shared.
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/newsroom")).StatusCode);

        // An anonymous reader's front page on B comes from B's own cache (signed-in requests are never
        // cached); an article published through A shows there within a second all the same.
        using var readerOnB = Client(nodeB, new CookieContainer());
        Assert.DoesNotContain("Night of the count", await readerOnB.GetStringAsync("/"));
        // What the front page loaded is kept in Redis too (HybridCache's shared layer), for the other node to reuse.
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(Redis))
            Assert.Contains(redis.GetServer(redis.GetEndPoints()[0]).Keys(7, "broadsheet:listing:front-page:*"), _ => true);
        using (var published = await onA.SubmitAsync("/newsroom/articles/new", "Publish", ("Input.Title", "Night of the count"), ("Input.Lead", "Results come in.")))
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var shownAt = await WaitAsync(async () => (await readerOnB.GetStringAsync("/")).Contains("Night of the count"), TimeSpan.FromSeconds(1));
        Assert.True(shownAt, "node B still served its cached front page a second after A published");

        // A search on B finds what was published through A: on PostgreSQL every node searches the same articles table.
        // (Parsed: the results mark the matched words, so the headline is not one run of text in the HTML.)
        var found = await WaitAsync(async () => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await readerOnB.GetStringAsync("/search?q=count"))
            .QuerySelector("main")!.TextContent.Contains("Night of the count", StringComparison.Ordinal), TimeSpan.FromSeconds(3));
        Assert.True(found, "a search on node B did not find the article published through A");

        // Signed in through A, the reader's comment goes through B: the antiforgery token B hands out
        // and the sign-in cookie A issued are both read with the shared key ring.
        var commentedArticle = await WithDbAsync(db => db.Articles.SingleAsync(a => a.Title == "Night of the count"));
        using var tokenDoc = System.Text.Json.JsonDocument.Parse(await onB.GetStringAsync("/api/comments/token"));
        Assert.True(tokenDoc.RootElement.GetProperty("signedIn").GetBoolean(), "node B did not recognise the sign-in made on A");
        using (var comment = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{commentedArticle.Id}/comments"))
        {
            comment.Headers.Add("RequestVerificationToken", tokenDoc.RootElement.GetProperty("token").GetString());
            comment.Content = System.Net.Http.Json.JsonContent.Create(new { text = "Counting goes on through the night." });
            using var posted = await onB.SendAsync(comment);
            Assert.True(posted.IsSuccessStatusCode, $"posting through B answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        }
        Assert.Equal(1, await WithDbAsync(db => db.Comments.CountAsync(c => c.ArticleId == commentedArticle.Id && c.AccountId != null)));

        // A moderator on A takes the comment down; B's cached article page loses it within a second.
        var commentId = await WithDbAsync(db => db.Comments.Where(c => c.ArticleId == commentedArticle.Id).Select(c => c.Id).SingleAsync());
        await WithDbAsync(db => db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, Features.Comments.CommentStatus.Published)));
        var moscow = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(commentedArticle.PublishedAt!.Value, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        var articlePath = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/{moscow:yyyy}/{moscow:MM}/{moscow:dd}/{commentedArticle.Slug}");
        Assert.Contains("Counting goes on through the night.", await readerOnB.GetStringAsync(articlePath));
        using (var removed = await onA.SubmitAsync($"/newsroom/moderation/articles/{commentedArticle.Id}", "Decide",
            ("comment", commentId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("decision", "Deleted")))
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var gone = await WaitAsync(async () => !(await readerOnB.GetStringAsync(articlePath)).Contains("Counting goes on through the night.", StringComparison.Ordinal), TimeSpan.FromSeconds(1));
        Assert.True(gone, "node B still showed the removed comment a second after A took it down");

        // Views sent to both nodes add up exactly; a reader counted on one node is not counted again on the other.
        var article = await WithDbAsync(db => db.Articles.SingleAsync(a => a.Title == "Night of the count"));
        for (var reader = 0; reader < 40; reader++)
        {
            var node = reader % 2 == 0 ? onA : onB;
            using var beacon = new HttpRequestMessage(HttpMethod.Post, $"/api/views/{article.Id}");
            beacon.Headers.UserAgent.ParseAdd($"Mozilla/5.0 (X11; Linux x86_64) Reader/{reader}");
            using var response = await node.SendAsync(beacon);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            using var again = new HttpRequestMessage(HttpMethod.Post, $"/api/views/{article.Id}");
            again.Headers.UserAgent.ParseAdd($"Mozilla/5.0 (X11; Linux x86_64) Reader/{reader}");
            using var _ = await (reader % 2 == 0 ? onB : onA).SendAsync(again);
        }
        Assert.True(await WaitAsync(async () => await ViewsAsync(article.Id) >= 40, TimeSpan.FromSeconds(30)), $"only {await ViewsAsync(article.Id)} of 40 views reached the database");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(40, await ViewsAsync(article.Id));

        // A scheduled article is published once, by whichever node holds the lease.
        var first = await ScheduleAsync("First edition", TimeSpan.FromSeconds(2));
        Assert.True(await WaitAsync(() => IsPublishedAsync(first), TimeSpan.FromSeconds(20)), "the scheduled article was not published");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await WithDbAsync(db => db.AuditLog.CountAsync(e => e.ArticleId == first && e.Action == Features.Audit.AuditAction.Publish)));

        // The holder dies without letting go; the other node takes the job over and publishes the next one.
        var holder = await WithDbAsync(db => db.JobLeases.Where(l => l.Job == "scheduled-publishing").Select(l => l.Holder).SingleAsync());
        var (dead, survivor) = holder.Contains($"/{nodeA.ProcessId}/", StringComparison.Ordinal) ? (nodeA, nodeB) : (nodeB, nodeA);
        await dead.KillAsync();
        var second = await ScheduleAsync("Second edition", TimeSpan.FromSeconds(1));
        Assert.True(await WaitAsync(() => IsPublishedAsync(second), TimeSpan.FromSeconds(30)), "nobody took over the scheduled publishing");
        var newHolder = await WithDbAsync(db => db.JobLeases.Where(l => l.Job == "scheduled-publishing").Select(l => l.Holder).SingleAsync());
        Assert.Contains($"/{survivor.ProcessId}/", newHolder, StringComparison.Ordinal);
    }

    private async Task<AppProcess> StartNodeAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "broadsheet-tests", "node-" + Guid.NewGuid().ToString("N"));
        folders.Add(folder);
        return await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Broadsheet__DataDirectory"] = folder,
            ["Broadsheet__Database"] = "postgres",
            ["ConnectionStrings__Broadsheet"] = storage.PostgresConnection!,
            ["Broadsheet__Redis"] = Redis,
            ["Broadsheet__SeedDemo"] = "false",
            ["Broadsheet__ViewFlushSeconds"] = "1",
            ["Broadsheet__ScheduleSeconds"] = "1",
            ["Broadsheet__JobLeaseSeconds"] = "5",
            ["Broadsheet__Newsletter__SchedulerSeconds"] = "0",
        });
    }

    private static HttpClient Client(AppProcess node, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(node.Origin), Timeout = TimeSpan.FromSeconds(30) };

    private async Task<T> WithDbAsync<T>(Func<BroadsheetDb, Task<T>> work)
    {
        await using var db = new PostgresBroadsheetDb(new DbContextOptionsBuilder<PostgresBroadsheetDb>().UseNpgsql(storage.PostgresConnection).Options);
        return await work(db);
    }

    private Task<long> ViewsAsync(int articleId) => WithDbAsync(db => db.Articles.Where(a => a.Id == articleId).Select(a => a.Views != null ? a.Views.Views : 0).SingleAsync());

    private Task<bool> IsPublishedAsync(int articleId) =>
        WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == articleId && a.Status == ArticleStatus.Published));

    private Task<int> ScheduleAsync(string title, TimeSpan after) => WithDbAsync(async db =>
    {
        var at = DateTime.UtcNow + after;
        var article = new Article { Title = title, Slug = Slug.From(title), Status = ArticleStatus.Scheduled, PublishedAt = at, CreatedAt = DateTime.UtcNow };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    });

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        do
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return await condition();
    }

    [GeneratedRegex(@"/account/setup\?[^\s""]+")]
    private static partial Regex SetupLink();
}
