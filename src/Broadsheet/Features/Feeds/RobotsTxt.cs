using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.Features.Feeds;

/// <summary>Crawlers may read the whole public site; the newsroom and the API are not for them.</summary>
public static class RobotsTxt
{
    public static ContentHttpResult Render(FeedRequest r)
    {
        var origin = r.Origin;
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Disallow: /newsroom\n")
            .Append("Disallow: /api\n")
            .Append("Allow: /\n")
            .Append('\n')
            .Append("Sitemap: ").Append(origin).Append("/sitemap.xml\n")
            .Append("Sitemap: ").Append(origin).Append(NewsSitemap.Path).Append('\n')
            .ToString();
        return TypedResults.Text(text, "text/plain; charset=utf-8");
    }
}
