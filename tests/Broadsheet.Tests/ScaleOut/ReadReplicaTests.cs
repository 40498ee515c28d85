using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.ScaleOut;

/// <summary>
/// The "replica" here is a second database with different contents, so a page shows which one it
/// was read from: anonymous page views read the replica; staff and a browser that just wrote read the primary.
/// </summary>
public sealed class ReadReplicaTests : IDisposable
{
    private readonly BroadsheetApp replica = new();
    private readonly BroadsheetApp primary = new();

    public ReadReplicaTests()
    {
        if (TestDatabase.OnPostgres) primary.Settings["ConnectionStrings:BroadsheetReplica"] = replica.Database.PostgresConnection;
    }

    public void Dispose()
    {
        primary.Dispose();
        replica.Dispose();
    }

    [PostgresFact]
    public async Task Anonymous_readers_read_the_replica_and_writers_the_primary()
    {
        await new TestPublication(replica).ArticleAsync("Only on the replica");
        var onPrimary = await new TestPublication(primary).ArticleAsync("Only on the primary");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await primary.Reader().GetAsync(PageUrl.Of(primary, onPrimary))).StatusCode);

        var anonymous = await primary.GetPageAsync("/");
        Assert.Contains("Only on the replica", anonymous.Body!.TextContent);
        Assert.DoesNotContain("Only on the primary", anonymous.Body!.TextContent);

        var editor = await primary.SignedInAsync("Editor");
        var list = await editor.GetStringAsync("/newsroom?state=Published");
        Assert.Contains("Only on the primary", list);

        // A browser that has just posted something reads the primary for a while.
        var reader = primary.Reader();
        using (await reader.PostAsync("/api/typo-reports", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))) { }
        Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.GetAsync(PageUrl.Of(primary, onPrimary))).StatusCode);
    }
}
