using AngleSharp.Html.Parser;
using Broadsheet.Testing;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Site;

/// <summary>
/// What an operator reads on the console the first time they start the site: the built app as its own process,
/// in production, on an empty data folder, seeding the demo publication. A warning there should mean something.
/// </summary>
public sealed class StartupLogTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.Create();

    public void Dispose() => database.Release();

    [Fact]
    public async Task A_first_start_on_an_empty_data_folder_logs_no_warnings()
    {
        var environment = database.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        // The demo publication as a first start seeds it, only smaller: the same steps, in time on a busy machine.
        environment["Broadsheet__DemoArticles"] = "30";
        await using var app = await AppProcess.StartAsync(environment);
        using var http = new HttpClient();

        var home = new HtmlParser().ParseDocument(await http.GetStringAsync(app.Origin + "/"));

        Assert.Contains("Broadsheet is open at", app.Log);
        // The thirty asked for, and the demo's two live coverages (one running, one closed).
        Assert.Contains("Seeded the demo publication: 32 articles", app.Log);
        Assert.NotEmpty(home.QuerySelectorAll(".teaser__title"));
        var warnings = Entries(app.Log).Where(e => e.StartsWith("warn:", StringComparison.Ordinal)
            || e.StartsWith("fail:", StringComparison.Ordinal) || e.StartsWith("crit:", StringComparison.Ordinal))
            // The test PostgreSQL runs with fsync=off (tests/services/start.sh), and the site rightly says what that risks.
            .Where(e => !(TestDatabase.OnPostgres && e.Contains("a crash of its server can lose writes", StringComparison.Ordinal)));
        Assert.True(!warnings.Any(), app.Log);
    }

    [Fact]
    public async Task A_first_start_logs_a_setup_link_a_newcomer_can_open_and_it_opens_the_setup_page()
    {
        var environment = database.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        environment["Broadsheet__DemoArticles"] = "0";
        await using var app = await AppProcess.StartAsync(environment);

        // Written once the server has started, by the console logger's own thread: it may trail the first answer.
        string? line = null;
        for (var waited = 0; line is null && waited < 100; waited++, await Task.Delay(50))
            line = app.Log.Split('\n').SingleOrDefault(l => l.Contains("can set one at", StringComparison.Ordinal));
        Assert.True(line is not null, app.Log);
        var link = line[(line.IndexOf("can set one at ", StringComparison.Ordinal) + "can set one at ".Length)..].Split(' ')[0];
        Assert.True(Uri.TryCreate(link, UriKind.Absolute, out var uri), $"Not a full address: {link}");
        Assert.Equal(new Uri(app.Origin).Authority, uri.Authority);

        using var http = new HttpClient();
        var setup = new HtmlParser().ParseDocument(await http.GetStringAsync(uri));
        Assert.NotNull(setup.QuerySelector("input[type=password]"));
    }

    /// <summary>The console's entries: a "level: category" line and the indented message lines under it.</summary>
    private static IEnumerable<string> Entries(string log)
    {
        var entry = new List<string>();
        foreach (var line in log.Split('\n'))
        {
            if (!line.StartsWith(' ') && entry.Count > 0) { yield return string.Join('\n', entry); entry.Clear(); }
            entry.Add(line);
        }
        if (entry.Count > 0) yield return string.Join('\n', entry);
    }
}
