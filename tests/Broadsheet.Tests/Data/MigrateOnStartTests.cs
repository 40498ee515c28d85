using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Data;

public sealed class MigrateOnStartTests
{
    [Fact]
    public void A_node_that_must_not_migrate_refuses_an_unmigrated_database_and_says_what_to_run()
    {
        using var app = new BroadsheetApp();
        app.Settings["Broadsheet:MigrateOnStart"] = "false";
        var refusal = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains("dotnet Broadsheet.dll migrate", refusal.ToString());
    }

    [Fact]
    public async Task A_migrated_database_starts_without_migrating()
    {
        var first = new BroadsheetApp();
        await new TestPublication(first).ArticleAsync("Already here");
        using var second = first.Restart(next => next.Settings["Broadsheet:MigrateOnStart"] = "false");
        var page = await second.GetPageAsync("/");
        Assert.Contains("Already here", page.Body!.TextContent);
    }
}
