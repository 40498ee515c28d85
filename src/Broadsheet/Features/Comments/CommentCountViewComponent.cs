using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Broadsheet.Features.Comments;

/// <summary>"12 comments" near the headline, linking down to the thread; nothing when there is none to read.</summary>
public sealed class CommentCountViewComponent(BroadsheetDb db, CommentOptions options, ArticleMemo memo, SiteContext site) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Article article)
    {
        if (!article.CommentsEnabled
            || await ArticleCommentsViewComponent.FirstPageAsync(HttpContext, memo, db, article.Id, options.PageSize) is not { Count: > 0 } page)
            return new HtmlContentViewComponentResult(HtmlString.Empty);
        var say = CommentMessages.For(site);
        var link = new HtmlContentBuilder()
            .AppendHtml("<p class=\"story__comments\"><a href=\"#comments\">")
            .Append($"{page.Count} {say.CountWord(page.Count)}")
            .AppendHtml("</a></p>");
        return new HtmlContentViewComponentResult(link);
    }
}
