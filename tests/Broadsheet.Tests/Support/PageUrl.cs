using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Support;

public static class PageUrl
{
    public static string Of(BroadsheetApp app, Article article) =>
        ArticleUrl.For(app.Services.GetRequiredService<SiteSettingsStore>().Current, article.PublishedAt!.Value, article.Slug);
}
