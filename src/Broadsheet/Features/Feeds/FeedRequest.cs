using Broadsheet.Features.Site;
using Broadsheet.Infrastructure;
using Broadsheet.Infrastructure.Data;

namespace Broadsheet.Features.Feeds;

/// <summary>What every feed and sitemap handler needs, bound in one piece with [AsParameters].</summary>
public readonly record struct FeedRequest(
    BroadsheetDb Db, SiteContext Site, PublicOrigin PublicOrigin, TimeProvider Clock,
    BroadsheetOptions Options, HttpRequest Request, CancellationToken Aborted)
{
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;
    public string Origin => PublicOrigin.ForPages;
    public string SelfUrl => Origin + Request.PathBase + Request.Path;
}
