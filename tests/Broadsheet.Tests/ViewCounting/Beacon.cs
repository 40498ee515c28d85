using Broadsheet.Features.Articles;
using Broadsheet.Features.ViewCounting;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.ViewCounting;

/// <summary>What an article page's script does once the page is shown, and what the flush timer does.</summary>
public static class Beacon
{
    public const string Browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

    /// <summary>Readers behind one address are told apart by their browsers, as the counter does without a known proxy.</summary>
    public static string Reader(int n) => $"{Browser} Reader/{n}";

    public static async Task<HttpResponseMessage> SendAsync(BroadsheetApp app, int articleId, string userAgent = Browser,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/views/{articleId}");
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await app.Reader().SendAsync(request);
    }

    public static Task FlushAsync(BroadsheetApp app) =>
        app.Services.GetRequiredService<ViewFlusher>().FlushAsync(CancellationToken.None);

    public static Task<long> ViewCountAsync(BroadsheetApp app, int articleId) =>
        app.WithDbAsync(db => db.Articles.Where(a => a.Id == articleId).Select(a => a.Views != null ? a.Views.Views : 0).SingleAsync());

    public static Task<List<DailyViews>> DailyViewsAsync(BroadsheetApp app) =>
        app.WithDbAsync(db => db.DailyViews.AsNoTracking().OrderBy(d => d.ArticleId).ThenBy(d => d.Day).ToListAsync());

    public static async Task<long> CountedAsync(BroadsheetApp app, Article article)
    {
        await FlushAsync(app);
        return await ViewCountAsync(app, article.Id);
    }
}
