using Broadsheet.Features.Articles;
using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Infrastructure.Caching;

/// <summary>A changed article leaves its own page and every listing that may show it.</summary>
public sealed class PageCacheEviction(IOutputCacheStore store) : IArticleObserver
{
    public Task ArticleChangedAsync(int articleId, CancellationToken ct) =>
        store.EvictAsync(ct, PageCache.ArticleTag(articleId), PageCache.ListingsTag);
}
