using Broadsheet.Infrastructure;

namespace Broadsheet.Features.Site;

/// <summary>scheme://host of the public site, for absolute links in feeds, sitemaps and canonical tags.</summary>
public sealed class PublicOrigin(BroadsheetOptions options)
{
    public string Of(HttpRequest request) =>
        options.PublicUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}";
}
