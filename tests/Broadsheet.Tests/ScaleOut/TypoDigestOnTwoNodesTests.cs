using Broadsheet.Features.Articles;
using Broadsheet.Features.TypoReports;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Testing;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.ScaleOut;

/// <summary>
/// Two real app processes over one PostgreSQL database, both looking for new typo reports every second:
/// the digest takes the job lease, so the newsroom gets one mail, not one per node. The SMTP server is slow
/// on purpose (two seconds per message), so without the lease the two nodes' passes would overlap and both mail.
/// </summary>
public sealed class TypoDigestOnTwoNodesTests : IAsyncLifetime, IDisposable
{
    private const string Desk = "desk@news.test";
    private readonly TestDatabase storage = TestDatabase.Create();
    private readonly LoopbackSmtpServer smtp = new() { AnswerDelay = TimeSpan.FromSeconds(2) };
    private readonly List<string> folders = [];
    private AppProcess? nodeA, nodeB;

    public async Task InitializeAsync()
    {
        if (storage.PostgresConnection is null) return;
        // A starts first: it migrates the database and creates the administrator (Desk).
        nodeA = await StartNodeAsync();
        nodeB = await StartNodeAsync();
    }

    public async Task DisposeAsync()
    {
        if (nodeA is not null) await nodeA.DisposeAsync();
        if (nodeB is not null) await nodeB.DisposeAsync();
        storage.Release();
        foreach (var folder in folders)
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    public void Dispose() => smtp.Dispose();

    [PostgresFact]
    public async Task Two_nodes_send_one_digest()
    {
        await WithDbAsync(async db =>
        {
            var desk = await db.Users.SingleAsync(u => u.Email == Desk);
            var author = new Author { Name = "Desk Writer", Slug = "desk-writer", AccountId = desk.Id };
            var now = DateTime.UtcNow;
            var article = new Article { Title = "Council approves the budjet", Slug = "council-approves-the-budjet", Status = ArticleStatus.Published, PublishedAt = now.AddHours(-1), CreatedAt = now.AddHours(-1) };
            article.Authors.Add(new ArticleAuthor { Author = author, Position = 0 });
            db.Add(article);
            await db.SaveChangesAsync();
            db.Add(new TypoReport { ArticleId = article.Id, Fragment = "budjet", Suggestion = "budget", CreatedAt = now, LastReportedAt = now });
            await db.SaveChangesAsync();
            return true;
        });

        // Up to 30 s, not the server's usual 10: two app processes on a busy test machine.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (smtp.To(Desk).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Contains("budjet", Assert.Single(smtp.To(Desk)).Text);
        // Both nodes have looked several times since (every second), each pass taking the SMTP server's two seconds.
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Single(smtp.Received);
        Assert.True(await WithDbAsync(db => db.TypoReports.AllAsync(r => r.DigestedAt != null)), "the report was not marked as mailed");
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
            ["Broadsheet__SeedDemo"] = "false",
            ["Broadsheet__AdminEmail"] = Desk,
            ["Broadsheet__PublicUrl"] = "https://news.test",
            ["Broadsheet__Smtp__Host"] = "127.0.0.1",
            ["Broadsheet__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broadsheet__Smtp__Security"] = "None",
            ["Broadsheet__Smtp__FromAddress"] = "news@broadsheet.test",
            ["Broadsheet__Smtp__TimeoutSeconds"] = "10",
            ["Broadsheet__TypoReports__DigestCheckSeconds"] = "1",
            ["Broadsheet__JobLeaseSeconds"] = "5",
            ["Broadsheet__Newsletter__SchedulerSeconds"] = "0",
        });
    }

    private async Task<T> WithDbAsync<T>(Func<BroadsheetDb, Task<T>> work)
    {
        await using var db = new PostgresBroadsheetDb(new DbContextOptionsBuilder<PostgresBroadsheetDb>().UseNpgsql(storage.PostgresConnection).Options);
        return await work(db);
    }
}
