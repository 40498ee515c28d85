using System.Globalization;
using AngleSharp.Html.Dom;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Search;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Search;

/// <summary>What the search tests do to an app: read results off the page, set an article's language, wait for the Lucene index.</summary>
public static class SearchPage
{
    public static async Task<IHtmlDocument> OpenAsync(BroadsheetApp app, string queryString) =>
        await app.GetPageAsync("/search?" + queryString);

    /// <summary>The ids of the articles the page lists, in order.</summary>
    public static List<int> HitIds(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".search-hit").Select(e => int.Parse(e.GetAttribute("data-article-id")!, CultureInfo.InvariantCulture))];

    public static async Task<List<int>> FindAsync(BroadsheetApp app, string queryString) => HitIds(await OpenAsync(app, queryString));

    public static Task SetLanguageAsync(BroadsheetApp app, Article article, string language) =>
        app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Language, language)));

    /// <summary>Rebuilds the Lucene index; on PostgreSQL the database keeps the search column itself, so there is nothing to wait for.</summary>
    public static Task RebuildAsync(BroadsheetApp app) =>
        app.Services.GetService<SearchIndexer>() is { } indexer ? indexer.RebuildAsync() : Task.CompletedTask;

    public static Task AnnounceAsync(BroadsheetApp app, int articleId) =>
        app.Services.GetRequiredService<ArticleChanges>().AnnounceAsync(articleId);

    /// <summary>Asks until <paramref name="holds"/> is true or <paramref name="within"/> has passed; true if it came true in time.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> holds, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (await holds()) return true;
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(25);
        }
    }
}
