namespace Broadsheet.Features.Site;

/// <summary>
/// The defence against cross-site posts for endpoints called from output-cached pages (newsletter
/// sign-up, typo reports), used instead of an antiforgery token because one reader's token would be
/// served to everyone (or the token's cookie would stop the page being cached at all). These
/// endpoints act for nobody, so a forged post could only send what the attacker could send
/// directly; what this stops is a hostile page using its visitors' browsers to send floods.
/// Browsers mark every cross-site POST with Sec-Fetch-Site or Origin; a request with neither
/// comes from a non-browser client, which cannot be tricked into posting, so it passes.
/// </summary>
public static class SameOrigin
{
    public static bool Allows(HttpRequest request, PublicOrigin publicOrigin)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0) return fetchSite is "same-origin" or "none";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        // Comparing with the request's own host is sound here, unlike for links: a browser sends the
        // Origin and the Host of one page, and a hostile page can forge neither in its visitors' requests.
        return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
            || publicOrigin.Known is { } known && string.Equals(origin, new Uri(known).GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
    }
}
