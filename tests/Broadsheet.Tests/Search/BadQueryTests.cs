using System.Net;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Search;

/// <summary>One small publication for every bad query: each asks the same app, so it is started once.</summary>
public sealed class OneArticlePublication : IAsyncLifetime
{
    public BroadsheetApp App { get; } = new();

    public async Task InitializeAsync()
    {
        await new TestPublication(App).ArticleAsync("Council approves the budget", body: "The budget passed.");
        await SearchPage.RebuildAsync(App);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class BadQueryTests(OneArticlePublication publication) : IClassFixture<OneArticlePublication>
{
    private readonly BroadsheetApp app = publication.App;

    public static TheoryData<string> BadQueries => new()
    {
        "",
        "   ",
        "the of and",
        "и в на",
        "\"unbalanced quote",
        "\"one\" \"two",
        "*",
        "*budget",
        "?udget",
        "budget*",
        "title:budget",
        "budget~2",
        "(budget",
        "budget AND OR NOT",
        "+-&&||!(){}[]^\"~*?:\\/",
        "<script>alert(1)</script>",
        "%00",
        new string('x', 10_240),
        string.Join(' ', Enumerable.Repeat("бюджет budget", 1000)),
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_query_answers_a_sane_page(string query)
    {
        using var response = await app.Reader().GetAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SearchPage.OpenAsync(app, "q=" + Uri.EscapeDataString(query));

        Assert.NotNull(page.QuerySelector("form[role=search] input[name=q]"));
        var answered = page.QuerySelectorAll(".search-hit").Length > 0
            || page.QuerySelector(".search-nothing") is not null
            || page.QuerySelector(".search-prompt") is not null;
        Assert.True(answered);
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Theory]
    [InlineData("q=budget&from=1000-01-01&to=9998-12-31")]
    [InlineData("q=budget&from=9998-12-31")]
    [InlineData("q=budget&to=1000-01-01")]
    [InlineData("q=budget&from=2024-05-01&to=2020-01-01")]
    [InlineData("from=1999-12-31&to=2000-01-01&sort=date")]
    public async Task Extreme_or_contradictory_dates_are_answered_not_failed(string query)
    {
        var page = await SearchPage.OpenAsync(app, query);

        Assert.True(page.QuerySelectorAll(".search-hit").Length > 0 || page.QuerySelector(".search-nothing") is not null);
    }

    [Theory]
    [InlineData("q=budget&page=0")]
    [InlineData("q=budget&page=-1")]
    [InlineData("q=budget&page=two")]
    [InlineData("q=budget&page=51")]
    [InlineData("q=budget&from=2024-02-30")]
    [InlineData("q=budget&to=15.05.2024")]
    [InlineData("q=budget&from=0001-01-01")]
    [InlineData("q=budget&to=9999-12-31")]
    [InlineData("q=budget&from=0999-12-31&to=2024-01-01")]
    [InlineData("q=budget&sort=random")]
    [InlineData("q=budget&rubric=Not%20A%20Slug")]
    public async Task A_malformed_page_date_order_or_filter_is_a_bad_request(string query)
    {
        using var response = await app.Reader().GetAsync("/search?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
