using System.Net;
using System.Text.Json;
using Broadsheet.Features.Newsletter;
using Broadsheet.Tests.Newsletter;
using Broadsheet.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Data;

/// <summary>
/// The SQLite file on a filesystem that really fills up (a tmpfs of a few megabytes): writes are
/// refused with 503 while it is full, nothing refused is on file and nothing acknowledged is lost,
/// reads go on, and everything works again once space is freed.
/// </summary>
[Collection(WriteFaultCollection.Name)]
public sealed class FullDiskTests : IDisposable
{
    private readonly SmallDisk? disk;
    private readonly LoopbackSmtpServer smtp = new();
    private readonly FailingWritesApp? app;

    public FullDiskTests()
    {
        if (SmallDisk.WhyNot is not null) return;
        disk = new SmallDisk(24);
        app = new FailingWritesApp(new TestDatabase { DataDirectory = Path.Combine(disk.Path, "data") });
        NewsletterSteps.Configure(app, smtp);
    }

    public void Dispose()
    {
        app?.Dispose();
        smtp.Dispose();
        disk?.Dispose();
    }

    [SmallDiskFact]
    public async Task Sign_ups_on_a_full_disk_are_refused_with_503_none_acknowledged_is_lost_and_they_work_once_space_is_freed()
    {
        var steps = new NewsletterSteps(() => app!, smtp);
        var article = await new TestPublication(app!).ArticleAsync("Council approves the budget");
        var reader = app!.Reader();
        // An empty WAL, so that the next commit needs new space on the disk rather than reusing old frames.
        Checkpoint();
        disk!.Fill();

        var accepted = new List<string>();
        var refused = new List<string>();
        for (var i = 0; i < 20 && refused.Count < 3; i++)
        {
            var email = $"reader{i}@example.test";
            using var response = await steps.SignUpJsonAsync(new { email, frequency = "daily" });
            if (response.StatusCode == HttpStatusCode.Accepted) { accepted.Add(email); continue; }
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.Contains("Retry-After"));
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            refused.Add(email);
        }
        Assert.NotEmpty(refused);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await reader.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(PageUrl.Of(app, article))).StatusCode);

        disk.Free();
        var until = DateTime.UtcNow.AddSeconds(30);
        while ((await reader.GetAsync("/readyz")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < until) await Task.Delay(250);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/readyz")).StatusCode);
        using (var again = await steps.SignUpJsonAsync(new { email = "after@example.test", frequency = "daily" }))
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);

        var onFile = await app.WithDbAsync(db => db.Subscribers.Select(s => s.Email).ToListAsync());
        Assert.All(accepted.Append("after@example.test"), email => Assert.Contains(email, onFile));
        Assert.All(refused, email => Assert.DoesNotContain(email, onFile));
        Assert.Equal("ok", await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT integrity_check AS \"Value\" FROM pragma_integrity_check").SingleAsync()));
    }

    private void Checkpoint()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(app!.DataDirectory, "broadsheet.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        command.ExecuteNonQuery();
    }
}
